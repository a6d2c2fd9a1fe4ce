import { NOTHING_AVAILABLE } from '../../src/core/engine/facts';
import type { Message } from '../../src/core/engine/model';
import { computeReport, type Report } from '../../src/core/engine/report';
import { resolveSettings, type Settings } from '../../src/core/engine/settings';
import { buildTabs, type Tab, type TabOptions } from '../../src/core/sheets/tabs';

/** `count` consultations, each a customer's message and the agent's reply 20 s later, agents in turn. */
export function messages(count: number, agentNames: string[] = ['小美', '小王']): Message[] {
  const out: Message[] = [];
  for (let i = 0; i < count; i++) {
    const agent = agentNames[i % agentNames.length] as string;
    const base = Date.UTC(2024, 2, 1, 2) + i * 60_000;
    const common = { session: null, auto: false, transfer: null, invite: false, offline: false } as const;
    out.push({ ...common, time: base, agent, customer: `c${i}`, from: 'customer', text: '在吗' });
    out.push({ ...common, time: base + 20_000, agent, customer: `c${i}`, from: 'agent', text: '在的' });
  }
  return out;
}

/** The add-on's tabs for these messages, as an import computes them (`extra`: notes, previous figures). */
export function tabsFor(
  msgs: Message[],
  settings: Partial<Settings> = {},
  extra: (report: Report) => Partial<TabOptions> = () => ({}),
): Tab[] {
  const report = computeReport(
    {
      messages: msgs,
      orders: [],
      ratings: [],
      available: { ...NOTHING_AVAILABLE, chats: true },
      hasSessions: false,
    },
    resolveSettings({ timeZone: 'Asia/Shanghai', ...settings }),
  );
  return buildTabs(report, { formulas: 'addon', language: 'zh-CN', ...extra(report) });
}
