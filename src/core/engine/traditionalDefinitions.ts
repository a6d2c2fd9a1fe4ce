/**
 * Each indicator's definition (catalog.ts `formula`) in traditional Chinese, for the header notes of a
 * zh-TW spreadsheet. Kept apart from the catalog, as settingsText.ts is from settings.ts, so that
 * Code.js does not carry it: only the sidebar and the command line write header notes. A test holds
 * its keys to the catalog's ids, one for one.
 */
export const TRADITIONAL_DEFINITIONS: Readonly<Record<string, string>> = {
  consultations: '顧客至少發過一則訊息的諮詢數',
  receptions: '得到至少一則人工回覆的諮詢數',
  unreplied: '諮詢量 − 接待量',
  rated_consultations: '諮詢量中參與服務率考核的部分（不含轉出、留言分配）',
  reply_rate: '(諮詢量 − 未回覆量) / 諮詢量（考核諮詢）',
  fast_reply_rate: '首次人工回覆在顧客首則訊息後 T 秒內的諮詢 / 諮詢量（T 預設 30）',
  first_response_s: '已回覆諮詢中（首次人工回覆 − 顧客首則訊息）的平均值',
  avg_response_s: '每段回應間隔的平均值：自顧客第一則未回覆訊息起，至下一則人工訊息止',
  unanswered_rounds: '會話結束時仍未得到人工回覆的顧客提問輪次（不計入平均回應時間）',
  qa_ratio: '客服人工訊息數 / 顧客訊息數（不含自動回覆）',
  invite_rate: '發出邀評的接待 / 接待量',
  rating_rate: '評價數 / 接待量',
  satisfaction_rate: '(非常滿意 + 滿意) / 評價數',
  reception_share: '個人接待量 / (團隊接待量 / 人數)',
  online_hours: '總在線時長 / 帳號數',
  resolution_rate: '已解決問題 / 問題數',
  platform_response_rate:
    '按所選平台（platform）的規則在時限內得到人工回覆的訊息或會話 / 應回覆的訊息或會話（自動回覆不算回覆；標為無需回覆的訊息、平台通知不計；時限未到且未回覆的不計）',
  platform_response_time:
    '所選平台顯示平均回應時間時：已回覆的訊息或會話從收到至人工回覆的平均小時數（其他平台為空）',
  inquirers: '諮詢過的不同顧客數（售後天數開啟時，售後諮詢不算）',
  after_sales_consultations:
    '顧客在諮詢當天或之前 N 天內（售後天數）已付款、且有效時長內沒有新訂單歸屬的諮詢數：計入服務指標，不計入詢單人數和轉化率',
  conversion_rate: '詢單後在有效時長內付款（歸屬本人）的顧客 / 詢單人數',
  order_rate: '詢單後在有效時長內下單的顧客 / 詢單人數',
  payment_rate: '付款訂單 / 下單訂單（貨到付款計為已付）',
  sales: '期內付款的歸屬訂單實付金額 + 期內下單的貨到付款訂單金額',
  buyers: '有實付金額大於 0 的付款訂單的不同顧客數',
  orders: '歸屬的付款訂單數',
  items: '歸屬付款訂單的件數',
  aov: '銷售額 / 銷售人數',
  items_per_buyer: '銷售件數 / 銷售人數',
  sales_share: '個人銷售額 / 團隊歸屬銷售額',
  assist_orders: '顧客也諮詢過本人、但歸屬給其他客服的付款訂單',
  assist_sales: '協助訂單的實付金額',
  silent_sales: '店鋪付款金額 − 歸屬銷售額',
  refund_rate: '有退款（退款金額大於 0，或有退款紀錄）的付款訂單 / 付款訂單（貨到付款計為已付）',
  dispute_rate: '退款糾紛數 / 付款訂單',
  self_refund_rate: '商家自主完結的退款 / 完結的退款',
  refund_hours: '完結總時長 / 完結的退款',
  complaint_rate: '投訴數 / 付款訂單',
  dsr_service: '近 180 天評價等級（1–5）的平均值',
};
