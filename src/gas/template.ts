import { NOTHING_AVAILABLE } from '../core/engine/facts';
import { computeReport } from '../core/engine/report';
import { resolveSettings } from '../core/engine/settings';
import { buildTabs } from '../core/sheets/tabs';
import { ADDON_TITLE } from './title';
import { writeTabsAsking } from './writeTabs';

/**
 * 设置 with the default scheme and the indicator tabs with their headers but no data, so a team can
 * share the file, or make copies of it, before the first import.
 */
export function setUpTemplate() {
  const ui = SpreadsheetApp.getUi();
  const zone = SpreadsheetApp.getActiveSpreadsheet().getSpreadsheetTimeZone();
  const empty = computeReport(
    { messages: [], orders: [], ratings: [], available: NOTHING_AVAILABLE, hasSessions: false },
    resolveSettings({ timeZone: zone }),
  );
  const tabs = buildTabs(empty, { formulas: 'native', language: 'zh-CN' });
  if (!writeTabsAsking(tabs, '替换为空白模板？Replace it with the empty template?')) return;
  ui.alert(
    ADDON_TITLE,
    '模板已建立：设置与各指标工作表。The template is ready: 设置 and the indicator tabs.',
    ui.ButtonSet.OK,
  );
}

const HELP = [
  '客服绩效 (CS KPI)',
  '',
  '1. 扩展程序 > 客服绩效 > 打开侧边栏：粘贴或选择聊天记录、订单、评价导出。',
  '2. 确认列的对应关系与设置（时区、询单有效时长、30秒应答的秒数…）。',
  '3. 计算：写入 服务指标、销售指标、售后指标、咨询明细、绩效 工作表。',
  '4. 在「设置」中修改方案（指标、档位、权重、目标、满额绩效工资、客服所属方案）；档位与权重改动「绩效」随之重算，',
  '   增删指标或改客服的方案后，用 扩展程序 > 客服绩效 > 按设置重新计算（侧边栏先显示每人绩效工资的变化，确认后才写入）。',
  '5. 发工资前：结算本期，把每位客服的数字、得分与绩效工资作为数值写入「发放记录」；之后的导入不改变它。',
  '   需要更正时：重新打开（写明原因），旧行标为作废并保留，再导入或处理申诉后重新结算。',
  '',
  'Open the sidebar, paste or choose the chat, order and rating exports, check the column mapping and',
  'the settings, and compute: the indicator tabs are written, and 绩效 recalculates from 设置. After adding',
  'an indicator to a scheme or moving an agent to another scheme, use Recompute from the settings.',
  "Before payroll, Close pay period writes each agent's figures, scores and pay into 发放记录 as values,",
  'which later imports never change; Reopen (with a reason) marks those rows superseded and keeps them.',
  '公式 Formulas: =CONVERSION_RATE, =TIER_SCORE, =WEIGHTED_SCORE, =PERFORMANCE_PAY, =CS_INDICATORS …',
].join('\n');

export function showHelp() {
  const ui = SpreadsheetApp.getUi();
  ui.alert(`${ADDON_TITLE} 帮助 Help`, HELP, ui.ButtonSet.OK);
}
