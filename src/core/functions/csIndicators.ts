import { fastReplyName, type Language, type Naming, reportColumns } from '../engine/catalog';
import { UNKNOWN_CURRENCY } from '../engine/currencies';
import type { Row } from '../engine/report';
import { ROW_LABELS } from '../engine/rowLabels';
import {
  type Proposal,
  proposals,
  resolveSettings,
  SETTING_BY_ID,
  SETTINGS,
  type SettingId,
  type Settings,
  SettingsError,
  settingFromText,
} from '../engine/settings';
import type { Kind } from '../import/records';
import { readRows, type TableImport } from '../import/tableReader';
import { ImportError, type ImportWarning } from '../import/warnings';
import { lazy } from '../lib/lazy';
import { lowSampleList } from '../pipeline/lowSampleText';
import type { Note } from '../pipeline/notes';
import { runPipeline } from '../pipeline/pipeline';
import { agentZonesOf, zonedExport, zoneOfExport } from '../pipeline/zones';
import { cellText } from '../sheets/cellText';
import { assertTimeZone, TimeZoneError } from '../time/zone';
import type { CustomFunctionSpec } from './customFunctionSpec';
import { currentSpreadsheetZone, SCRIPT_TIME_ZONE } from './environment';
import {
  FormulaInputError,
  isBlank,
  type SheetArg,
  type SheetCell,
  type SheetScalar,
  toGrid,
} from './sheetArgs';

const NAME = 'CS_INDICATORS';

/**
 * A cell as the importer reads text. A date-time arrives as a Date in the script's zone: its wall-clock
 * time there is what the cell shows, read then in the settings' zone (the spreadsheet's by default).
 */
function cellAsText(value: SheetScalar): string {
  return isBlank(value) ? '' : cellText(value, SCRIPT_TIME_ZONE);
}

/** The zone the ranges' times are read in: the tz setting, else the spreadsheet's, never a guess. */
function timeZoneOf(settings: Partial<Settings>): string {
  if (settings.timeZone) return settings.timeZone;
  try {
    return currentSpreadsheetZone();
  } catch (error) {
    // The error may come from another realm (the Apps Script runtime): no instanceof.
    const reason = String((error as { message?: unknown } | null)?.message ?? error);
    throw new FormulaInputError(
      NAME,
      `the spreadsheet's time zone could not be read (${reason}); give it in the settings range: a row tz, Asia/Shanghai (or the shop's zone).`,
    );
  }
}

function isEmptyRange(arg: SheetArg): boolean {
  return arg === undefined || toGrid(arg).every((row) => row.every((cell) => isBlank(cell)));
}

/**
 * A range read as the command line reads a file: in the zone the settings give it (`orders_tz`, as
 * FILE@ZONE), else in its dialect's market's zone where the market keeps one, else in the report's.
 */
function importRange<K extends Kind>(
  kind: K,
  argument: string,
  arg: SheetArg,
  reportZone: string,
  given: string | undefined,
): TableImport<K> {
  const grid = toGrid(arg);
  const zone = given === undefined ? { timeZone: reportZone, marketZones: true } : { timeZone: given };
  try {
    return readRows({ kind, file: argument, ...zone, delimiter: '' }, (push) => {
      for (const row of grid) push(row.map(cellAsText));
    });
  } catch (error) {
    if (error instanceof ImportError) throw new FormulaInputError(NAME, error.message);
    throw error;
  }
}

/** The settings range's names: every setting's keys from its description, and the table's language. */
const LANGUAGE_KEYS = ['language', '语言'];
/** A range's own zone (`orders_tz Asia/Taipei`), as the command line's FILE@ZONE: by range. */
const ZONE_KEYS = lazy(
  () =>
    new Map<string, Kind>(
      (
        [
          ['chats', '聊天时区'],
          ['orders', '订单时区'],
          ['ratings', '评价时区'],
          ['refunds', '退款时区'],
          ['complaints', '投诉时区'],
          ['online', '在线时区'],
          ['issues', '问题时区'],
        ] as const
      ).flatMap(([kind, zh]) => [
        [`${kind}_tz`, kind],
        [zh, kind],
      ]),
    ),
);
const SETTING_KEYS = lazy(
  () =>
    new Map<string, SettingId | 'language'>([
      ...SETTINGS.flatMap((s) => s.sheetKeys.map((k) => [k.toLowerCase(), s.id] as const)),
      ...LANGUAGE_KEYS.map((k) => [k, 'language'] as const),
    ]),
);

/** A settings range of two columns, name and value; the names the user set, to tell proposals from choices. */
export function readFormulaSettings(arg: SheetArg): {
  settings: Partial<Settings>;
  language: Language;
  given: Set<SettingId>;
  /** The zones given to ranges (`orders_tz`), by kind. */
  zones: Partial<Record<Kind, string>>;
} {
  const overrides: Record<string, unknown> = {};
  let language: Language = 'zh-CN';
  const given = new Set<SettingId>();
  const zones: Partial<Record<Kind, string>> = {};
  if (isEmptyRange(arg)) return { settings: {}, language, given, zones };
  for (const [rawKey, rawValue] of toGrid(arg)) {
    if (isBlank(rawKey)) continue;
    const key = String(rawKey).trim().toLowerCase();
    const value = cellAsText(rawValue ?? '').trim();
    const zoned = ZONE_KEYS().get(key);
    if (zoned) {
      try {
        assertTimeZone(value);
      } catch {
        throw new FormulaInputError(
          NAME,
          `settings ${rawKey}: "${value}" is not a time zone; write an IANA name such as Asia/Taipei.`,
        );
      }
      zones[zoned] = value;
      continue;
    }
    const setting = SETTING_KEYS().get(key);
    if (!setting) {
      throw new FormulaInputError(
        NAME,
        `settings has an unknown name "${rawKey}"; use ${[...SETTING_KEYS().keys(), ...ZONE_KEYS().keys()].join(', ')}.`,
      );
    }
    if (setting === 'language') {
      if (value !== 'zh-CN' && value !== 'zh-TW' && value !== 'en') {
        throw new FormulaInputError(NAME, `settings language is zh-CN, zh-TW or en; got "${value}".`);
      }
      language = value;
    } else {
      overrides[setting] = settingFromText(setting, value);
      given.add(setting);
    }
  }
  return { settings: overrides as Partial<Settings>, language, given, zones };
}

/** The kinds of record CS_INDICATORS reads besides chats, in the order of its arguments after settings. */
const MORE_KINDS = ['ratings', 'refunds', 'complaints', 'online', 'issues'] as const;

function csIndicators(
  chats: SheetArg,
  orders: SheetArg,
  settingsArg: SheetArg,
  ratings?: SheetArg,
  refunds?: SheetArg,
  complaints?: SheetArg,
  online?: SheetArg,
  issues?: SheetArg,
) {
  const more = [ratings, refunds, complaints, online, issues];
  let parsed: ReturnType<typeof readFormulaSettings>;
  let settings: Settings;
  try {
    parsed = readFormulaSettings(settingsArg);
    settings = resolveSettings({ ...parsed.settings, timeZone: timeZoneOf(parsed.settings) });
  } catch (error) {
    if (error instanceof SettingsError || error instanceof TimeZoneError)
      throw new FormulaInputError(NAME, `settings: ${error.message}`);
    throw error;
  }
  if (isEmptyRange(chats))
    throw new FormulaInputError(NAME, 'chats is empty; select the chat export with its header row.');
  const reportZone = settings.timeZone;
  const read = <K extends Kind>(kind: K, arg: SheetArg) =>
    importRange(kind, kind, arg, reportZone, parsed.zones[kind]);
  const chatImport = read('chats', chats);
  const orderImport = isEmptyRange(orders) ? null : read('orders', orders);
  const others = Object.fromEntries(
    MORE_KINDS.flatMap((kind, i) => (isEmptyRange(more[i]) ? [] : [[kind, read(kind, more[i])]])),
  ) as { [K in (typeof MORE_KINDS)[number]]?: TableImport<K> };
  // Each range's records on its shop's clock, as the command line keeps each file's.
  const zoneOf = (imported: TableImport) => zoneOfExport(parsed.zones[imported.kind], imported, reportZone);
  const zoned = <K extends Kind>(imported: TableImport<K>) =>
    zonedExport(imported, zoneOf(imported), reportZone);
  const agentZones = agentZonesOf(chatImport.records, zoneOf(chatImport), reportZone);
  const { report, notes } = runPipeline(
    {
      chats: zoned(chatImport),
      ...(orderImport ? { orders: zoned(orderImport) } : {}),
      ...Object.fromEntries(Object.entries(others).map(([kind, imported]) => [kind, zoned(imported)])),
      ...(agentZones.size > 0 ? { agentZones } : {}),
    },
    settings,
  );
  const imports = [chatImport, orderImport, ...Object.values(others)];
  const columns = reportColumns(parsed.language, settings);
  const words = ROW_LABELS[parsed.language];
  // By period, a second column says which period a row is of (the team and shop rows: all of it).
  const byPeriod = settings.period !== 'all';
  const line = (label: string, row: Row): SheetCell[] => [
    label,
    ...(byPeriod ? [String(row.period ?? words.wholePeriod)] : []),
    // A currency's rows (byCurrency) carry only its money figures: the rest stay empty.
    ...columns.map((c) => (row[c.id] ?? '') as SheetCell),
  ];
  const noteWords = NOTES[parsed.language];
  const currencyName = (code: string) => (code === UNKNOWN_CURRENCY ? noteWords.noCurrency : code);
  const table: SheetCell[][] = [
    [words.agent, ...(byPeriod ? [words.period] : []), ...columns.map((c) => c.header)],
    ...report.agents.map((row) => line(String(row.agent), row)),
    line(words.team, report.team),
    line(words.shop, report.shop),
    // Orders in several currencies: the rows above leave the money figures empty, and each
    // currency's rows give them (小美 (TWD)), never added across currencies.
    ...(report.byCurrency ?? []).flatMap((own) => {
      const tag = (label: string) => `${label} (${currencyName(own.currency)})`;
      return [
        ...own.agents.map((row) => line(tag(String(row.agent)), row)),
        line(tag(words.team), own.team),
        line(tag(words.shop), own.shop),
      ];
    }),
  ];
  // Last rows saying what the figures cannot say themselves, in the table's language.
  const blanks = () => table[0]?.slice(1).map(() => '') ?? [];
  if (report.byCurrency)
    table.push([
      noteWords.currencies(report.byCurrency.map((own) => currencyName(own.currency))),
      ...blanks(),
    ]);
  // A platform's usual value is proposed, never applied: only for settings the range leaves out.
  for (const p of proposals(
    imports.map((i) => i?.dialect?.id),
    settings,
  ))
    if (!p.used && !parsed.given.has(p.setting))
      table.push([
        noteWords.proposed(p, SETTING_BY_ID.get(p.setting)?.sheetKeys[0] ?? p.setting),
        ...blanks(),
      ]);
  // A range read in its market's zone rather than the report's is said, never silent.
  for (const imported of imports)
    if (imported?.timeZone !== undefined)
      table.push([
        noteWords.marketZone(imported.file, imported.timeZone, imported.dialect?.name ?? null),
        ...blanks(),
      ]);
  for (const note of notes)
    for (const text of noteLines(note, parsed.language, settings)) table.push([text, ...blanks()]);
  return table;
}

/**
 * A note of the pipeline as the table's last rows, in its language: one row, or a row and one per
 * row it lists (file, row, column, reason). The reason a row was skipped is the importer's, in
 * English, as the command line and the sidebar give it.
 */
function noteLines(note: Note, language: Language, naming: Naming): string[] {
  const words = NOTES[language];
  switch (note.kind) {
    case 'rows-skipped':
    case 'rows-cautioned': {
      const more = note.rows - note.listed.length;
      return [
        note.kind === 'rows-skipped' ? words.skipped(note) : words.cautioned(note.rows),
        ...note.listed.map(words.row),
        ...(more > 0 ? [words.more(more)] : []),
      ];
    }
    case 'no-rows':
      return [words.noRows(note.files)];
    case 'future-times':
      return [words.future(note)];
    case 'low-sample':
      return [words.lowSample(note, lowSampleList(note, language, naming))];
    default:
      return [noteText(note, words)];
  }
}

/** A note of one row. */
function noteText(
  note: Exclude<
    Note,
    { kind: 'rows-skipped' | 'rows-cautioned' | 'no-rows' | 'future-times' | 'low-sample' }
  >,
  words: (typeof NOTES)[Language],
): string {
  switch (note.kind) {
    case 'no-buyer-column':
      return note.noBuyer?.[0] ? words.noBuyerExport(note.noBuyer[0].export) : words[note.kind];
    case 'no-buyer-in-common':
      return words[note.kind];
    case 'money-unread':
      return note.exports
        .flatMap((e) => [
          ...(e.noPayment || e.statusColumn ? [words.moneyUnread(e)] : []),
          ...(e.noAmount ? [words.noAmount] : []),
        ])
        .join('; ');
    case 'suspected-auto-replies':
      return words.autoReplies(note);
    case 'after-sales-as-inquiries':
      return words.afterSales(note);
    case 'platform-window-short':
      return words.platformWindow(note);
  }
}

type NoteOf<K extends Note['kind']> = Extract<Note, { kind: K }>;

/** The last rows' words: the pipeline's notes, and a platform's usual setting proposed. */
const NOTES: Record<
  Language,
  {
    skipped: (note: NoteOf<'rows-skipped'>) => string;
    cautioned: (rows: number) => string;
    /** One row listed: file, row, column and the importer's reason. */
    row: (warning: ImportWarning) => string;
    more: (rows: number) => string;
    noRows: (files: readonly string[]) => string;
    future: (note: NoteOf<'future-times'>) => string;
    'no-buyer-column': string;
    /** The orders are an export that names no buyer at all (Amazon's All Orders report). */
    noBuyerExport: (name: string) => string;
    'no-buyer-in-common': string;
    moneyUnread: (e: NoteOf<'money-unread'>['exports'][number]) => string;
    noAmount: string;
    autoReplies: (note: NoteOf<'suspected-auto-replies'>) => string;
    lowSample: (note: NoteOf<'low-sample'>, list: string) => string;
    afterSales: (note: NoteOf<'after-sales-as-inquiries'>) => string;
    platformWindow: (note: NoteOf<'platform-window-short'>) => string;
    proposed: (proposal: Proposal, key: string) => string;
    /** Orders in several currencies: the money figures are in each currency's rows. */
    currencies: (codes: readonly string[]) => string;
    /** The label of orders whose range says no currency. */
    noCurrency: string;
    /** A range read in its dialect's market's zone, not the report's. */
    marketZone: (range: string, zone: string, dialect: { zh: string; en: string } | null) => string;
  }
> = {
  'zh-CN': {
    currencies: (codes) =>
      `订单有 ${codes.length} 种币种：销售额、客单价等金额类指标在各币种的行中（如「团队 (${codes[0]})」），从不相加；上方各行的金额为空`,
    noCurrency: '币种未注明',
    marketZone: (range, zone, d) =>
      `${range} 按 ${zone} 读取：该导出（${d?.zh ?? ''}）所在市场的时区，与命令行读取该文件时相同；要按其他时区读取，在设置中加入 ${range}_tz 与时区名`,
    lowSample: (n, list) => `样本不足（分母少于 ${n.minSample}，min_sample；数字照常显示）：${list}`,
    proposed: (p, key) =>
      `识别为${p.platform.zh}的导出：该平台通常用 ${key} = ${p.text}（${p.source}）；仅为建议，未采用：在设置中加入 ${key} ${p.text} 即采用`,
    skipped: ({ rows: n }) =>
      `${n} 行无法读取，已跳过，不计入任何指标；请在导出中改正这些行（或重新导出）后再计算：`,
    cautioned: (n) => `${n} 行已读取并计入指标，但请核对：`,
    row: (w) => `${w.file} 第 ${w.row} 行，${w.column}：${w.message}`,
    more: (n) => `……另有 ${n} 行`,
    noRows: (files) =>
      `${files.join('、')} 只有表头、没有数据行：不计入任何指标；请重新导出该时段的数据（检查导出的日期范围）`,
    future: ({ rows: n, first: w }) =>
      `其中 ${n} 行的时间比现在晚一天以上（第一行：${w.file} 第 ${w.row} 行，${w.column}）：日期写错或读错了（如年份 2099、日与月颠倒）；请改正导出中的日期，或检查电脑的时钟`,
    'no-buyer-column':
      '订单没有买家列：订单无法与聊天对应，询单转化率和客服销售额为空；请在订单区域中包含买家列',
    noBuyerExport: (name) =>
      `订单为 ${name}，没有买家：只计入店铺销售额，询单转化率和客服销售额为空；请改用亚马逊订单报告（含 buyer-email）`,
    moneyUnread: (e) =>
      e.noPayment
        ? `订单未读取付款时间或订单状态，销售额等金额指标为空；${e.statusColumn ? `「${e.statusColumn}」列似为订单状态，请用侧边栏导入并选择该列` : '请包含付款时间列'}`
        : `订单的「${e.statusColumn}」列似为订单状态但未读取，付款后取消的订单会算作销售；请用侧边栏导入并选择该列`,
    noAmount: '订单未读取金额，金额类指标为空；请包含买家实付金额列',
    'no-buyer-in-common':
      '没有一笔订单对应到询单有效时长内的咨询，询单转化率和客服销售额为 0；请检查聊天记录与订单是否用同一种方式记录买家',
    autoReplies: (n) =>
      `${n.consultations} 个咨询中有回复在买家消息后 ${n.withinSeconds} 秒内发出，且同一句话至少 ${n.sameTextConsultations} 个咨询都收到：这些看起来是自动回复，却算作客服回复，会抬高 ${fastReplyName(n, 'zh-CN')}、压低平均响应时间；请在聊天区域中包含“是否自动回复”列，或在设置中加入 auto_prefix`,
    afterSales: (n) =>
      `${n.consultations} 个咨询的买家在此前 ${n.lookBackDays} 天内已付款、之后没有新订单、也没向该客服问过别的：这些是售后咨询，却算作未转化的询单，压低相应客服的询单转化率；在设置中加入 after_sales_chat_days（如 ${n.lookBackDays}）即算作售后咨询量`,
    platformWindow: (n) =>
      `平台回复率按 ${n.platform} 的 ${n.windowDays} 天计算，聊天记录只有 ${n.dataDays} 天：该数字只依据这些天，可能与平台显示的不同；请提供 ${n.windowDays} 天的聊天记录`,
  },
  'zh-TW': {
    currencies: (codes) =>
      `訂單有 ${codes.length} 種幣別：銷售額、客單價等金額類指標在各幣別的列中（如「團隊 (${codes[0]})」），從不相加；上方各列的金額為空`,
    noCurrency: '幣別未註明',
    marketZone: (range, zone, d) =>
      `${range} 按 ${zone} 讀取：該匯出（${d?.zh ?? ''}）所在市場的時區，與命令列讀取該檔案時相同；要按其他時區讀取，在設定中加入 ${range}_tz 與時區名`,
    lowSample: (n, list) => `樣本不足（分母少於 ${n.minSample}，min_sample；數字照常顯示）：${list}`,
    proposed: (p, key) =>
      `識別為${p.platform.zh}的匯出：該平台通常用 ${key} = ${p.text}（${p.source}）；僅為建議，未採用：在設定中加入 ${key} ${p.text} 即採用`,
    skipped: ({ rows: n }) =>
      `${n} 列無法讀取，已略過，不計入任何指標；請在匯出中改正這些列（或重新匯出）後再計算：`,
    cautioned: (n) => `${n} 列已讀取並計入指標，但請核對：`,
    row: (w) => `${w.file} 第 ${w.row} 列，${w.column}：${w.message}`,
    more: (n) => `……另有 ${n} 列`,
    noRows: (files) =>
      `${files.join('、')} 只有表頭、沒有資料列：不計入任何指標；請重新匯出該時段的資料（檢查匯出的日期範圍）`,
    future: ({ rows: n, first: w }) =>
      `其中 ${n} 列的時間比現在晚一天以上（第一列：${w.file} 第 ${w.row} 列，${w.column}）：日期寫錯或讀錯了（如年份 2099、日與月顛倒）；請改正匯出中的日期，或檢查電腦的時鐘`,
    'no-buyer-column':
      '訂單沒有買家欄：訂單無法與聊天對應，詢單轉化率和客服銷售額為空；請在訂單範圍中包含買家欄',
    noBuyerExport: (name) =>
      `訂單為 ${name}，沒有買家：只計入店鋪銷售額，詢單轉化率和客服銷售額為空；請改用亞馬遜訂單報告（含 buyer-email）`,
    moneyUnread: (e) =>
      e.noPayment
        ? `訂單未讀取付款時間或訂單狀態，銷售額等金額指標為空；${e.statusColumn ? `「${e.statusColumn}」欄似為訂單狀態，請用側邊欄匯入並選擇該欄` : '請包含付款時間欄'}`
        : `訂單的「${e.statusColumn}」欄似為訂單狀態但未讀取，付款後取消的訂單會算作銷售；請用側邊欄匯入並選擇該欄`,
    noAmount: '訂單未讀取金額，金額類指標為空；請包含買家實付金額欄',
    'no-buyer-in-common':
      '沒有一筆訂單對應到詢單有效時長內的諮詢，詢單轉化率和客服銷售額為 0；請檢查聊天記錄與訂單是否用同一種方式記錄買家',
    autoReplies: (n) =>
      `${n.consultations} 個諮詢中有回覆在買家訊息後 ${n.withinSeconds} 秒內送出，且同一句話至少 ${n.sameTextConsultations} 個諮詢都收到：這些看起來是自動回覆，卻算作客服回覆，會抬高 ${fastReplyName(n, 'zh-TW')}、壓低平均響應時間；請在聊天範圍中包含「是否自動回覆」欄，或在設定中加入 auto_prefix`,
    afterSales: (n) =>
      `${n.consultations} 個諮詢的買家在此前 ${n.lookBackDays} 天內已付款、之後沒有新訂單、也沒向該客服問過別的：這些是售後諮詢，卻算作未轉化的詢單，壓低相應客服的詢單轉化率；在設定中加入 after_sales_chat_days（如 ${n.lookBackDays}）即算作售後諮詢量`,
    platformWindow: (n) =>
      `平台回覆率按 ${n.platform} 的 ${n.windowDays} 天計算，聊天記錄只有 ${n.dataDays} 天：該數字只依據這些天，可能與平台顯示的不同；請提供 ${n.windowDays} 天的聊天記錄`,
  },
  en: {
    currencies: (codes) =>
      `orders in ${codes.length} currencies: sales, AOV and the other money figures are in each currency's rows (such as "Team (${codes[0]})"), never added together; the rows above leave them empty`,
    noCurrency: 'currency not stated',
    marketZone: (range, zone, d) =>
      `${range} read in ${zone}, its market’s zone (${d?.en ?? ''}), as the command line reads the file; add ${range}_tz and a zone to the settings to read it in another`,
    lowSample: (n, list) =>
      `low sample (fewer than ${n.minSample} cases, min_sample; the figures are shown all the same): ${list}`,
    proposed: (p, key) =>
      `${p.platform.en} exports recognized: the platform usually uses ${key} = ${p.text} (${p.source}); proposed, not applied: add ${key} ${p.text} to the settings to use it`,
    skipped: ({ rows: n }) =>
      `${n} ${n === 1 ? 'row' : 'rows'} skipped, counted in no figure; fix them in the export (or export again) and recalculate:`,
    cautioned: (n) => `${n} rows read and counted, with a caution:`,
    row: (w) => `${w.file} row ${w.row}, ${w.column}: ${w.message}`,
    more: (n) => `… and ${n} more`,
    noRows: (files) =>
      `${files.join(', ')}: a header row and no data rows, so nothing of ${files.length === 1 ? 'it' : 'them'} is in any figure; export again with the period's rows (check the export's date range)`,
    future: ({ rows: n, first: w }) =>
      `${n} of them have a time more than a day after now (first: ${w.file} row ${w.row}, ${w.column}): a date typed or read wrong (a year such as 2099, day and month swapped?); correct the dates in the export, or the computer's clock`,
    'no-buyer-column':
      'orders name no buyer: no order can be matched to a chat, so conversion and agents’ sales are empty; include the buyer column in the orders range',
    noBuyerExport: (name) =>
      `the orders are ${name}, which names no buyer: they count in the shop's sales only, conversion and agents’ sales are empty; use Amazon's order report (buyer-email) for those`,
    moneyUnread: (e) =>
      e.noPayment
        ? `no payment time or order status read from the orders: sales and the money figures are empty; ${e.statusColumn ? `"${e.statusColumn}" looks like their status: import them with the sidebar and choose it` : 'include the payment time column'}`
        : `the orders' "${e.statusColumn}" looks like their status and is not read, so an order cancelled after payment counts as a sale; import them with the sidebar and choose it`,
    noAmount: 'no amount read from the orders: the money figures are empty; include the amount column',
    'no-buyer-in-common':
      'no order matched a consultation within the window, so conversion and agents’ sales are 0; check that chats and orders name buyers the same way',
    autoReplies: (n) =>
      `${n.consultations} consultations got a reply within ${n.withinSeconds} s of a customer’s message, a text that at least ${n.sameTextConsultations} of them got: these look like auto replies, which count as replies, raising the ${fastReplyName(n, 'en')} and lowering avg_response_s; include the auto-reply column in the chats range, or give an auto_prefix setting`,
    afterSales: (n) =>
      `${n.consultations} consultations were with customers who had paid an order in the ${n.lookBackDays} days before, bought nothing new and asked that agent nothing else: after-sales questions counted as inquiries that did not convert, lowering those agents' conversion_rate; add an after_sales_chat_days setting (such as ${n.lookBackDays}) to count them as after-sales consultations`,
    platformWindow: (n) =>
      `platform_response_rate counts ${n.platform}'s ${n.windowDays} days, and the chats cover ${n.dataDays}: the figure rests on those days and may differ from the one the platform shows; give ${n.windowDays} days of chats`,
  },
};

export const CS_INDICATORS: CustomFunctionSpec = {
  name: NAME,
  summary: {
    en: 'Every indicator per agent, team and shop from a chat export (and an order export) in the sheet. Dates are read at the time their cells show, in the spreadsheet’s time zone (or the tz setting); a range whose export names its market (a Shopee Taiwan report) in that market’s zone, as the command line reads the file, and said in a last row. Sheets gives a custom function 30 seconds: about 400,000 rows of chats and orders together fit (measured; docs/decisions.md); import larger exports with the sidebar.',
    zh: '由表内的聊天记录（及订单）计算每位客服、团队和店铺的全部指标。日期按单元格显示的时间、以表格的时区（或 tz 设置）读取；导出注明市场的区域（如蝦皮台灣订单）按该市场的时区读取，与命令行相同，并在末行说明。Sheets 给自定义函数 30 秒：约可读 40 万行聊天与订单（实测，见 docs/decisions.md）；更大的导出请用侧边栏导入。',
  },
  params: [
    {
      name: 'chats',
      type: 'Array<Array<string>>',
      description: { en: 'The chat export, header row first.', zh: '聊天记录，含表头。' },
    },
    {
      name: 'orders',
      type: 'Array<Array<string>>',
      optional: true,
      description: { en: 'The order export, header row first.', zh: '订单报表，含表头（可选）。' },
    },
    {
      name: 'settings',
      type: 'Array<Array<string>>',
      optional: true,
      description: {
        en: `Two columns: setting name and value. Names: ${SETTINGS.map((s) => s.sheetKeys[0]).join(', ')}, language (cs-kpi settings lists each), and a range's own time zone: chats_tz, orders_tz, ratings_tz… (as the command line's FILE@ZONE).`,
        zh: `两列：设置名与值（可选）。名称：${SETTINGS.map((s) => s.sheetKeys.at(-1)).join('、')}、语言，以及某个区域自己的时区：聊天时区、订单时区、评价时区…（如命令行的 FILE@ZONE）。`,
      },
    },
    ...(
      [
        ['ratings', 'The rating export, header row first.', '评价记录，含表头（可选）。'],
        ['refunds', 'The refund export, header row first.', '退款记录，含表头（可选）。'],
        ['complaints', 'The complaint export, header row first.', '投诉记录，含表头（可选）。'],
        [
          'online',
          'Online spans (agent, start, end), header row first.',
          '在线时段（客服、开始、结束），含表头（可选）。',
        ],
        [
          'issues',
          'Issues (time, agent, resolved), header row first.',
          '问题记录（时间、客服、是否解决），含表头（可选）。',
        ],
      ] as const
    ).map(([name, en, zh]) => ({
      name,
      type: 'Array<Array<string>>',
      optional: true,
      description: { en, zh },
    })),
  ],
  returns: {
    type: 'Array<Array<string|number>>',
    description: {
      en: 'A table with catalog headers; with orders in several currencies, each currency’s money figures in rows of their own (Team (TWD)), never added together; last rows, in its language, say why rows were skipped, why no order matched a chat, or that replies look like unmarked auto replies.',
      zh: '带指标表头的表格；订单有多种币种时，各币种的金额类指标另列其行（如「团队 (TWD)」），从不相加；末尾几行（与表头同一语言）说明跳过的行、订单为何对应不到聊天，或回复疑似未标记的自动回复。',
    },
  },
  examples: [
    {
      formula: '=CS_INDICATORS(A1:D3)',
      args: [
        [
          ['time', 'agent', 'customer', 'from'],
          ['2024-03-01 10:00:00', '小美', 'c1', 'customer'],
          ['2024-03-01 10:00:20', '小美', 'c1', 'agent'],
        ],
        undefined,
        [
          ['tz', 'UTC'],
          ['language', 'en'],
        ],
      ],
      shows:
        'a table: a header row (Agent, Consultations, Receptions, …), one row for 小美 (1 consultation, 1 reception, first response 20 s, …), then Team and Shop',
    },
  ],
  run: csIndicators,
};
