import type { Language } from '../core/engine/catalog';
import type { SettingId } from '../core/engine/settings';
import { SETTING_TEXT } from '../core/engine/settingsText';
import { languageOf } from '../core/lib/language';

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
  stepSource: '1. 数据来源',
  chats: '聊天记录',
  orders: '订单',
  ratings: '评价',
  pasteHere: '粘贴导出内容，或选择文件',
  read: '识别',
  stepMapping: '2. 列对应',
  dialect: '识别为',
  notRecognized: '未识别的格式：按列名对应',
  rows: '行',
  skipped: '{n} 行无法读取，已跳过，不计入任何指标；请在导出中改正这些行（或重新导出）：',
  rowProblem: '第 {row} 行，{column}：{message}',
  moreRows: '……另有 {n} 行',
  cautioned: '{n} 行已读取并计入指标，但请核对：',
  bomNotUtf8:
    '{file} 开头标着 UTF-8，正文却不是 UTF-8（如中文 Windows 的 GBK，或由两种编码的文件拼成），字符无法确定地读出。请用 Excel 打开并另存为“CSV UTF-8”，或重新导出。',
  noRows: '只有表头、没有数据行：不计入任何指标。请重新导出该时段的数据（检查导出的日期范围）。',
  futureTimes:
    '其中 {n} 行的时间比现在晚一天以上：日期写错或读错了（如年份 2099、日与月颠倒）。请改正导出中的日期，或检查电脑的时钟。',
  stepSettings: '3. 设置',
  moreSettings: '更多设置',
  proposal: '识别为{platform}的导出：该平台通常用 {setting} = {value}（{source}）。仅为建议，未采用。',
  proposalUsed: '识别为{platform}的导出：{setting} = {value} 为该平台的常用值，已采用。',
  useProposal: '采用',
  language: 'zh-CN',
  compute: '计算并写入',
  reading: '正在读取…',
  computing: '正在计算…',
  writing: '正在写入工作表…',
  done: '完成：',
  noBuyerColumn:
    '订单导出没有买家列：订单无法与聊天对应，询单转化率和客服销售额为空。请在「2. 列对应」中为订单选择买家列。',
  noBuyerInCommon:
    '没有一笔订单对应到询单有效时长内的咨询，询单转化率和客服销售额为 0。请检查聊天记录与订单是否用同一种方式记录买家（一边是昵称、一边是 ID 则永远对不上）。',
  lowSample: '{n} 个数字的分母少于 {min}（最小样本），照常显示，已在各指标页标灰并加注「样本不足」：{list}',
  suspectedAutoReplies:
    '{n} 个咨询中有回复在买家消息后 {seconds} 秒内发出，且同一句话至少 {min} 个咨询都收到：这些看起来是自动回复，却算作客服回复，会抬高 {fast}、压低首次响应时间和平均响应时间。请在「2. 列对应」中为聊天记录选择“是否自动回复”列，或在「3. 设置」中填写自动回复前缀。',
  afterSalesAsInquiries:
    '{n} 个咨询的买家在此前 {days} 天内已付款、之后没有新订单、也没向该客服问过别的：这些是售后咨询，却算作未转化的询单，压低相应客服的询单转化率。在「3. 设置」的更多设置中填写售后天数（如 {days}），即算作售后咨询量。',
  platformWindowShort:
    '平台回复率按 {platform} 的 {window} 天计算，聊天记录只有 {days} 天：该数字只依据这 {days} 天，可能与平台显示的不同。请导出 {window} 天的聊天记录。',
  confirmReplace: '该工作表在上次导入后被修改过，是否替换？',
  replaceYes: '替换',
  replaceNo: '保留',
  interrupted:
    '写入中断（{error}）。继续导入会从表格已确认收到的位置接着写；放弃则每个工作表恢复导入前的样子。',
  resume: '继续导入',
  abandon: '放弃',
  abandoned: '已放弃这次导入：工作表保持导入前的样子。',
  cells: '个单元格',
  nothing: '请先粘贴或选择至少一个导出。',
  settingsInvalid: '「设置」工作表有误，未写入任何内容。请改正后再计算：',
  ratesInvalid: '「汇率」工作表无法用来折算，未写入任何内容。请改正后再计算：',
  zone: '时区',
  zoneMarket: '{dialect}：该市场的时区',
  zoneSettings: '设置中的时区',
  zoneChosen: '已指定',
  badZone: '「{zone}」不是时区名称：请写 IANA 名称，如 Asia/Taipei、America/Los_Angeles。',
  addExport: '＋ 再添加一个导出：{kind}',
  removeExport: '移除这个导出',
  orTab: '或选择本表中的工作表…',
  chooseFile: '选择文件…',
  noFile: '未选择文件',
  whatIfTitle: '按设置重新计算：绩效工资变化',
  whatIfIntro: '按编辑后的「设置」重新计算前，每位客服现在与重新计算后的绩效工资。确认后才会写入。',
  whatIfAgent: '客服',
  whatIfNow: '现在',
  whatIfAfter: '重新计算后',
  whatIfChange: '变化',
  whatIfApply: '应用',
  whatIfCancel: '取消',
  whatIfCancelled: '未改动。',
};

/** Each setting's label and help, from the engine's description, under `setting_ID` and `settingHelp_ID`. */
type SettingMessages = Record<`setting_${SettingId}` | `settingHelp_${SettingId}`, string>;

function settingMessages(language: Language): SettingMessages {
  return Object.fromEntries(
    Object.entries(SETTING_TEXT).flatMap(([id, text]) => [
      [`setting_${id}`, text[language].label],
      [`settingHelp_${id}`, text[language].help],
    ]),
  ) as SettingMessages;
}

export type MessageKey = keyof typeof zhCN | keyof SettingMessages;
export type Messages = Record<MessageKey, string>;

const zhTW: Record<keyof typeof zhCN, string> = {
  title: '客服績效',
  connecting: '正在讀取試算表…',
  connected: '已連線',
  spreadsheet: '試算表',
  timeZone: '時區',
  tabs: '工作表',
  retry: '重試',
  failed: '讀取失敗：',
  stepSource: '1. 資料來源',
  chats: '聊天記錄',
  orders: '訂單',
  ratings: '評價',
  pasteHere: '貼上匯出內容，或選擇檔案',
  read: '識別',
  stepMapping: '2. 欄位對應',
  dialect: '識別為',
  notRecognized: '未識別的格式：按欄名對應',
  rows: '列',
  skipped: '{n} 列無法讀取，已略過，不計入任何指標；請在匯出中改正這些列（或重新匯出）：',
  rowProblem: '第 {row} 列，{column}：{message}',
  moreRows: '……另有 {n} 列',
  cautioned: '{n} 列已讀取並計入指標，但請核對：',
  bomNotUtf8:
    '{file} 開頭標著 UTF-8，內文卻不是 UTF-8（如中文 Windows 的 GBK，或由兩種編碼的檔案拼成），字元無法確定地讀出。請用 Excel 開啟並另存為「CSV UTF-8」，或重新匯出。',
  noRows: '只有表頭、沒有資料列：不計入任何指標。請重新匯出該時段的資料（檢查匯出的日期範圍）。',
  futureTimes:
    '其中 {n} 列的時間比現在晚一天以上：日期寫錯或讀錯了（如年份 2099、日與月顛倒）。請改正匯出中的日期，或檢查電腦的時鐘。',
  stepSettings: '3. 設定',
  moreSettings: '更多設定',
  proposal: '識別為{platform}的匯出：該平台通常用 {setting} = {value}（{source}）。僅為建議，未採用。',
  proposalUsed: '識別為{platform}的匯出：{setting} = {value} 為該平台的常用值，已採用。',
  useProposal: '採用',
  language: 'zh-TW',
  compute: '計算並寫入',
  reading: '正在讀取…',
  computing: '正在計算…',
  writing: '正在寫入工作表…',
  done: '完成：',
  noBuyerColumn:
    '訂單匯出沒有買家欄：訂單無法與聊天對應，詢單轉化率和客服銷售額為空。請在「2. 欄位對應」中為訂單選擇買家欄。',
  noBuyerInCommon:
    '沒有一筆訂單對應到詢單有效時長內的諮詢，詢單轉化率和客服銷售額為 0。請檢查聊天記錄與訂單是否用同一種方式記錄買家（一邊是暱稱、一邊是 ID 則永遠對不上）。',
  lowSample: '{n} 個數字的分母少於 {min}（最小樣本），照常顯示，已在各指標頁標灰並加註「樣本不足」：{list}',
  suspectedAutoReplies:
    '{n} 個諮詢中有回覆在買家訊息後 {seconds} 秒內送出，且同一句話至少 {min} 個諮詢都收到：這些看起來是自動回覆，卻算作客服回覆，會抬高 {fast}、壓低首次響應時間和平均響應時間。請在「2. 欄位對應」中為聊天記錄選擇「是否自動回覆」欄，或在「3. 設定」中填寫自動回覆前綴。',
  afterSalesAsInquiries:
    '{n} 個諮詢的買家在此前 {days} 天內已付款、之後沒有新訂單、也沒向該客服問過別的：這些是售後諮詢，卻算作未轉化的詢單，壓低相應客服的詢單轉化率。在「3. 設定」的更多設定中填寫售後天數（如 {days}），即算作售後諮詢量。',
  platformWindowShort:
    '平台回覆率按 {platform} 的 {window} 天計算，聊天記錄只有 {days} 天：該數字只依據這 {days} 天，可能與平台顯示的不同。請匯出 {window} 天的聊天記錄。',
  confirmReplace: '該工作表在上次匯入後被修改過，是否取代？',
  replaceYes: '取代',
  replaceNo: '保留',
  interrupted:
    '寫入中斷（{error}）。繼續匯入會從試算表已確認收到的位置接著寫；放棄則每個工作表恢復匯入前的樣子。',
  resume: '繼續匯入',
  abandon: '放棄',
  abandoned: '已放棄這次匯入：工作表維持匯入前的樣子。',
  cells: '個儲存格',
  nothing: '請先貼上或選擇至少一個匯出。',
  settingsInvalid: '「设置」工作表有誤，未寫入任何內容。請改正後再計算：',
  ratesInvalid: '「汇率」工作表無法用來換算，未寫入任何內容。請改正後再計算：',
  zone: '時區',
  zoneMarket: '{dialect}：該市場的時區',
  zoneSettings: '設定中的時區',
  zoneChosen: '已指定',
  badZone: '「{zone}」不是時區名稱：請寫 IANA 名稱，如 Asia/Taipei、America/Los_Angeles。',
  addExport: '＋ 再新增一個匯出：{kind}',
  removeExport: '移除這個匯出',
  orTab: '或選擇本試算表中的工作表…',
  chooseFile: '選擇檔案…',
  noFile: '未選擇檔案',
  whatIfTitle: '依設定重新計算：績效工資變化',
  whatIfIntro: '依編輯後的「设置」重新計算前，每位客服現在與重新計算後的績效工資。確認後才會寫入。',
  whatIfAgent: '客服',
  whatIfNow: '現在',
  whatIfAfter: '重新計算後',
  whatIfChange: '變化',
  whatIfApply: '套用',
  whatIfCancel: '取消',
  whatIfCancelled: '未改動。',
};

const en: Record<keyof typeof zhCN, string> = {
  title: 'CS KPI',
  connecting: 'Reading the spreadsheet…',
  connected: 'Connected',
  spreadsheet: 'Spreadsheet',
  timeZone: 'Time zone',
  tabs: 'Tabs',
  retry: 'Retry',
  failed: 'Could not read the spreadsheet: ',
  stepSource: '1. Sources',
  chats: 'Chats',
  orders: 'Orders',
  ratings: 'Ratings',
  pasteHere: 'Paste an export, or choose a file',
  read: 'Read',
  stepMapping: '2. Columns',
  dialect: 'Recognized as',
  notRecognized: 'Not recognized: columns matched by name',
  rows: 'rows',
  skipped:
    '{n} rows could not be read and are counted in no figure; fix them in the export (or export again):',
  rowProblem: 'row {row}, {column}: {message}',
  moreRows: '… and {n} more',
  cautioned: '{n} rows were read and counted, with a caution:',
  bomNotUtf8:
    '{file} is marked as UTF-8 at its start, but its text is not UTF-8 (Chinese Windows’ GBK, or a file joined from two exports saved differently), so its characters cannot be read for sure. Open it in Excel and save it as “CSV UTF-8”, or export it again.',
  noRows:
    'A header row and no data rows: nothing of it is in any figure. Export again with the period’s rows (check the export’s date range).',
  futureTimes:
    '{n} of them have a time more than a day after now: a date typed or read wrong (a year such as 2099, day and month swapped?). Correct the dates in the export, or the computer’s clock.',
  stepSettings: '3. Settings',
  moreSettings: 'More settings',
  proposal:
    '{platform} exports recognized: the platform usually uses {setting} = {value} ({source}). Proposed, not applied.',
  proposalUsed: '{platform} exports recognized: {setting} = {value} is the platform’s usual value, used.',
  useProposal: 'Use',
  language: 'en',
  compute: 'Compute and write',
  reading: 'Reading…',
  computing: 'Computing…',
  writing: 'Writing the tabs…',
  done: 'Done: ',
  noBuyerColumn:
    'The order export has no buyer column: orders cannot be matched to chats, so conversion and agents’ sales are empty. Choose the orders’ buyer column under 2. Columns.',
  noBuyerInCommon:
    'No order matched a consultation within the inquiry window, so conversion and agents’ sales are 0. Check that the chats and the orders name buyers the same way (a nickname in one and an ID in the other never match).',
  lowSample:
    '{n} figures rest on fewer than {min} cases (minimum sample): shown as usual, greyed in the indicator tabs with a “Low sample” note: {list}',
  suspectedAutoReplies:
    '{n} consultations got a reply within {seconds} s of a customer’s message, a text that at least {min} of them got: these look like auto replies, yet count as an agent’s, raising the {fast} and lowering the first and average response times. Choose the chats’ auto-reply column under 2. Columns, or give the auto-reply prefix under 3. Settings.',
  afterSalesAsInquiries:
    '{n} consultations were with customers who had paid an order in the {days} days before, bought nothing new and asked that agent nothing else: after-sales questions, counted as inquiries that did not convert, lowering those agents’ conversion rate. Give the after-sales chat days under 3. Settings (more settings), such as {days}, to count them as after-sales consultations.',
  platformWindowShort:
    'The platform response rate counts {platform}’s {window} days, and the chats cover {days}: the figure rests on those {days} days and may differ from the one the platform shows. Export {window} days of chats.',
  confirmReplace: 'A tab was edited since the last import. Replace it?',
  replaceYes: 'Replace',
  replaceNo: 'Keep it',
  interrupted:
    'Writing stopped ({error}). Resume goes on from the last block the spreadsheet confirmed; Abandon puts every tab back as it was before the import.',
  resume: 'Resume import',
  abandon: 'Abandon',
  abandoned: 'Import abandoned: the tabs are as they were before it.',
  cells: 'cells',
  nothing: 'Paste or choose at least one export first.',
  settingsInvalid: 'The 设置 tab has mistakes; nothing was written. Fix them and compute again:',
  ratesInvalid: 'The 汇率 tab cannot convert these orders; nothing was written. Fix it and compute again:',
  zone: 'Time zone',
  zoneMarket: '{dialect}: its market’s zone',
  zoneSettings: 'the settings’ zone',
  zoneChosen: 'chosen',
  badZone: '"{zone}" is not a time zone: write an IANA name such as Asia/Taipei or America/Los_Angeles.',
  addExport: '+ Another export: {kind}',
  removeExport: 'Remove this export',
  orTab: 'or pick a tab of this spreadsheet…',
  chooseFile: 'Choose a file…',
  noFile: 'No file chosen',
  whatIfTitle: 'Recompute from the settings: pay what-if',
  whatIfIntro:
    "Each agent's performance pay now and after recomputing from the edited 设置. Nothing is written until you apply.",
  whatIfAgent: 'Agent',
  whatIfNow: 'Now',
  whatIfAfter: 'After',
  whatIfChange: 'Change',
  whatIfApply: 'Apply',
  whatIfCancel: 'Cancel',
  whatIfCancelled: 'Nothing was changed.',
};

/** Apps Script locales look like zh_CN, browsers' like zh-CN; Hong Kong and Macau read Traditional. */
export function messagesFor(locale: string | undefined): Messages {
  const language = languageOf(locale);
  return { ...{ 'zh-CN': zhCN, 'zh-TW': zhTW, en }[language], ...settingMessages(language) };
}
