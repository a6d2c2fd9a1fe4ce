/**
 * Agents are listed in pinyin order (阿杰, 小美, 张三), as zh-CN readers expect. That order comes from
 * the runtime's Chinese collation data: Node's full ICU (the default build) and Chromium, where the
 * sidebar computes, have it (Apps Script never sorts agents: recompute keeps the tabs' order). A
 * runtime without it (Node built with small-icu) would silently sort by its default locale instead;
 * there the order is by code point, stated rather than left to the machine.
 */
export function nameComparer(
  supported: boolean = Intl.Collator.supportedLocalesOf(['zh-CN']).length > 0,
): (a: string, b: string) => number {
  if (supported) return new Intl.Collator('zh-CN').compare;
  return (a, b) => (a < b ? -1 : a > b ? 1 : 0);
}
