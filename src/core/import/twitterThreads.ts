/**
 * The Kaggle "Customer Support on Twitter" file lists tweets, not conversations: who served whom is
 * only in the reply links. This turns its rows into the support-log shape (conversation_id, account,
 * customer, role, created_at_utc): tweets linked by replies form one conversation, named by its
 * smallest tweet ID; the account is the support author in it, or the first @account the customer
 * wrote to when no support tweet is in the file.
 */
export const TWITTER_RAW_HEADER = [
  'tweet_id',
  'author_id',
  'inbound',
  'created_at',
  'text',
  'response_tweet_id',
  'in_response_to_tweet_id',
];
/** The support-log columns the raw tweets are turned into (those of the conversations file, with text). */
export const SUPPORT_LOG_COLUMNS = [
  'conversation_id',
  'account',
  'customer',
  'tweet_id',
  'role',
  'author_id',
  'created_at_utc',
];
export const SUPPORT_LOG_HEADER = [...SUPPORT_LOG_COLUMNS, 'text'];

export function isTwitterRaw(header: readonly string[]): boolean {
  const names = header.map((h) => h.trim().toLowerCase());
  return TWITTER_RAW_HEADER.every((h) => names.includes(h));
}

export function threadTweets(header: readonly string[], rows: readonly (readonly string[])[]): string[][] {
  const col = (name: string) => header.findIndex((h) => h.trim().toLowerCase() === name);
  const [id, author, inbound, created, text, responses, inReplyTo] = TWITTER_RAW_HEADER.map(col) as number[];
  const parent = new Map<string, string>();
  const find = (x: string): string => {
    let root = x;
    while (parent.get(root) !== root) root = parent.get(root) ?? root;
    parent.set(x, root);
    return root;
  };
  const union = (a: string, b: string) => {
    const [ra, rb] = [find(a), find(b)];
    if (ra !== rb) parent.set(BigInt(ra) < BigInt(rb) ? rb : ra, BigInt(ra) < BigInt(rb) ? ra : rb);
  };
  const tweets = rows.filter((r) => /^\d+$/.test((r[id as number] ?? '').trim()));
  for (const r of tweets) parent.set((r[id as number] ?? '').trim(), (r[id as number] ?? '').trim());
  for (const r of tweets) {
    const self = (r[id as number] ?? '').trim();
    const links = [...(r[responses as number] ?? '').split(','), r[inReplyTo as number] ?? ''].map((l) =>
      l.trim(),
    );
    for (const link of links) if (parent.has(link)) union(self, link);
  }
  const groups = new Map<string, (readonly string[])[]>();
  for (const r of tweets) {
    const root = find((r[id as number] ?? '').trim());
    groups.set(root, [...(groups.get(root) ?? []), r]);
  }
  const isInbound = (r: readonly string[]) => (r[inbound as number] ?? '').trim().toLowerCase() === 'true';
  const out: string[][] = [];
  for (const [conversation, group] of groups) {
    const support = group.find((r) => !isInbound(r));
    const customerTweet = group.find(isInbound);
    const mention = /@(\w+)/.exec(customerTweet?.[text as number] ?? '')?.[1] ?? '';
    const account = support ? (support[author as number] ?? '').trim() : mention;
    const customer = (customerTweet?.[author as number] ?? '').trim();
    for (const r of group) {
      out.push([
        conversation,
        account,
        customer,
        (r[id as number] ?? '').trim(),
        isInbound(r) ? 'customer' : 'agent',
        (r[author as number] ?? '').trim(),
        (r[created as number] ?? '').trim(),
        r[text as number] ?? '',
      ]);
    }
  }
  return out;
}
