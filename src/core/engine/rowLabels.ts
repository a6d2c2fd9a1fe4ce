import type { Language } from './catalog';

/**
 * The words a table of the report's rows is labelled with, per language: the first column's header,
 * the team and shop rows, and, by period, the period column's header and what the team and shop rows
 * cover. The indicator tabs and CS_INDICATORS both label their rows with these.
 */
export const ROW_LABELS: Record<
  Language,
  { agent: string; team: string; shop: string; period: string; wholePeriod: string }
> = {
  'zh-CN': { agent: '客服', team: '团队', shop: '店铺', period: '周期', wholePeriod: '全部' },
  'zh-TW': { agent: '客服', team: '團隊', shop: '店鋪', period: '週期', wholePeriod: '全部' },
  en: { agent: 'Agent', team: 'Team', shop: 'Shop', period: 'Period', wholePeriod: 'all' },
};
