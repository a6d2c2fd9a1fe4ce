/** The sidebar's words. zh-CN is the default; zh-TW and en follow the user's locale. */
const zhCN = {
  title: '客服绩效',
  connecting: '正在读取表格…',
  connected: '已连接',
  spreadsheet: '表格',
  timeZone: '时区',
  tabs: '工作表',
  retry: '重试',
  failed: '读取失败：',
};

export type MessageKey = keyof typeof zhCN;
export type Messages = Record<MessageKey, string>;

const zhTW: Messages = {
  title: '客服績效',
  connecting: '正在讀取試算表…',
  connected: '已連線',
  spreadsheet: '試算表',
  timeZone: '時區',
  tabs: '工作表',
  retry: '重試',
  failed: '讀取失敗：',
};

const en: Messages = {
  title: 'CS KPI',
  connecting: 'Reading the spreadsheet…',
  connected: 'Connected',
  spreadsheet: 'Spreadsheet',
  timeZone: 'Time zone',
  tabs: 'Tabs',
  retry: 'Retry',
  failed: 'Could not read the spreadsheet: ',
};

/** Apps Script locales look like zh_CN, browsers' like zh-CN; Hong Kong and Macau read Traditional. */
export function messagesFor(locale: string | undefined): Messages {
  const tag = (locale ?? '').replace('_', '-').toLowerCase();
  if (/^zh-(tw|hk|mo|hant)/.test(tag)) return zhTW;
  if (tag.startsWith('zh') || tag === '') return zhCN;
  return en;
}
