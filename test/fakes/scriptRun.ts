/**
 * What google.script.run carries between the sidebar and the server, and what it refuses: "Legal
 * parameters are JavaScript primitives like a Number, Boolean, String, or null, as well as JavaScript
 * objects and arrays that are composed of primitives, objects and arrays. A form element within the
 * page is also legal as a parameter, but it must be the function's only parameter. Requests fail if
 * you attempt to pass a Date, Function, DOM element besides a form, or other prohibited type,
 * including prohibited types inside objects or arrays. Objects that create circular references will
 * also fail, and undefined fields within arrays become null."
 * (https://developers.google.com/apps-script/guides/html/reference/run#myFunction(...)). The same rules
 * are applied to what a server function returns.
 *
 * Self-contained on purpose: the preview (scripts/preview.mjs) and the sidebar tests (test/ui) inject
 * its source into the page, where it stands in front of their stand-ins for the bridge. It returns the
 * copy the other side receives, and throws "Failed due to illegal value in property: …", as the real
 * bridge does, for what it refuses.
 */
export function scriptRunCopy(values: unknown[]): unknown[] {
  const seen: unknown[] = [];
  const copy = (value: unknown, path: string): unknown => {
    const illegal = () => new Error(`Failed due to illegal value in property: ${path}`);
    if (value === null || value === undefined) return null;
    const type = typeof value;
    if (type === 'string' || type === 'boolean') return value;
    if (type === 'number') return Number.isFinite(value) ? value : null;
    if (type !== 'object') throw illegal();
    if (seen.includes(value)) throw illegal();
    const node = value as { nodeType?: unknown; tagName?: unknown; elements?: ArrayLike<unknown> };
    if (typeof node.nodeType === 'number') {
      if (path !== '0' || values.length !== 1 || String(node.tagName).toUpperCase() !== 'FORM')
        throw illegal();
      // A form: its named fields' values, as the server receives them.
      const fields: Record<string, unknown> = {};
      for (const element of Array.from(node.elements ?? [])) {
        const field = element as { name?: string; value?: unknown };
        if (field.name) fields[field.name] = field.value;
      }
      return fields;
    }
    const proto = Object.getPrototypeOf(value);
    seen.push(value);
    try {
      if (Array.isArray(value)) return value.map((item, i) => copy(item, `${path}.${i}`));
      // A plain object, of any realm (the server's values come from node:vm in the preview).
      if (proto !== null && Object.getPrototypeOf(proto) !== null) throw illegal();
      const out: Record<string, unknown> = {};
      for (const [key, item] of Object.entries(value as object)) {
        // An undefined field of an object is left out; of an array, it becomes null (above).
        if (item !== undefined) out[key] = copy(item, `${path}.${key}`);
      }
      return out;
    } finally {
      seen.pop();
    }
  };
  return values.map((value, i) => copy(value, String(i)));
}
