/**
 * Chat text copied out of a 千牛 (Qianniu) chat window. Each message starts with a line "昵称
 * YYYY-M-D H:MM:SS"; the lines after it are the message; 已读/未读 lines are read receipts; "A --> B"
 * is a transfer from agent A to agent B; lines such as 系统消息… are the platform's. Agents are the
 * nicknames written as 店铺:客服 (a sub-account), or those the user names.
 */

const SPEAKER = /^(.+?)\s+(\d{4}-\d{1,2}-\d{1,2}\s+\d{1,2}:\d{2}(?::\d{2})?)\s*$/;
const TRANSFER = /^(.+?)\s*-->\s*(.+?)\s*$/;
const RECEIPT = /^(已读|未读)$/;
const SYSTEM = /^(系统消息|系统提示|\[系统\]|【系统】)/;
const AUTO = /^(\[自动回复\]|【自动回复】)/;

export const QIANNIU_HEADER = ['time', 'agent', 'customer', 'from', 'text', 'auto', 'transfer'];

export function isQianniuPaste(text: string): boolean {
  // Only the first non-empty line matters: do not split a 100 MB export to find it.
  const start = text.search(/\S/);
  if (start < 0) return false;
  const end = text.slice(start, start + 4096).search(/\r|\n/);
  const first = text.slice(start, end < 0 ? start + 4096 : start + end).trim();
  return SPEAKER.test(first) && !first.includes(',') && !first.includes('\t');
}

interface Entry {
  nick: string;
  time: string;
  lines: string[];
}

/** The pasted conversation as rows with QIANNIU_HEADER's columns. */
export function qianniuRows(
  text: string,
  agentNicks: readonly string[] = [],
): { rows: string[][]; problem: string | null } {
  const entries: Entry[] = [];
  const transfers: { from: string; to: string; after: number }[] = [];
  for (const raw of text.split(/\r\n|\n|\r/)) {
    const line = raw.trim();
    if (line === '' || RECEIPT.test(line)) continue;
    const speaker = SPEAKER.exec(line);
    if (speaker) {
      entries.push({ nick: (speaker[1] ?? '').trim(), time: speaker[2] ?? '', lines: [] });
      continue;
    }
    const transfer = TRANSFER.exec(line);
    if (transfer) {
      transfers.push({
        from: (transfer[1] ?? '').trim(),
        to: (transfer[2] ?? '').trim(),
        after: entries.length,
      });
      continue;
    }
    entries.at(-1)?.lines.push(line);
  }
  const isAgent = (nick: string) => agentNicks.includes(nick) || nick.includes(':') || nick.includes('：');
  const agents = [...new Set(entries.map((e) => e.nick).filter(isAgent))];
  const customers = [...new Set(entries.map((e) => e.nick).filter((n) => !isAgent(n)))];
  if (agents.length === 0 && entries.length > 0) {
    return {
      rows: [],
      problem: `none of the speakers (${customers.join(', ')}) is marked as an agent (店铺:客服); name the agent with --map agent=NICKNAME`,
    };
  }
  if (customers.length > 1) {
    return {
      rows: [],
      problem: `the paste has more than one customer (${customers.join(', ')}); paste one conversation at a time`,
    };
  }
  const customer = customers[0] ?? '';
  const rows: string[][] = [];
  let currentAgent = agents[0] ?? '';
  // A transfer is a system message in the consultation of the agent who handed the customer over.
  const transferRow = (time: string, t: { from: string; to: string }) => [
    time,
    t.from,
    customer,
    'system',
    `${t.from} --> ${t.to}`,
    'false',
    'out',
  ];
  entries.forEach((entry, i) => {
    for (const t of transfers.filter((x) => x.after === i)) {
      rows.push(transferRow(entries[i - 1]?.time ?? entry.time, t));
      currentAgent = t.to;
    }
    const body = entry.lines.join('\n');
    const system = SYSTEM.test(body);
    const agentSpeaks = isAgent(entry.nick);
    if (agentSpeaks) currentAgent = entry.nick;
    rows.push([
      entry.time,
      currentAgent,
      customer,
      system ? 'system' : agentSpeaks ? 'agent' : 'customer',
      body,
      agentSpeaks && AUTO.test(body) ? 'true' : 'false',
      '',
    ]);
  });
  for (const t of transfers.filter((x) => x.after >= entries.length))
    rows.push(transferRow(entries.at(-1)?.time ?? '', t));
  return { rows, problem: null };
}
