/**
 * A Taobao order export with what a cut may fall in: orders of several rows, a product title quoted
 * over three lines, an order's rows of different amounts (a warning), a row repeated far after it (a
 * duplicate), an ID a spreadsheet rounded shared by two buyers rows apart (refused whole), a paid
 * order whose amount only a later row gives, an unreadable time, a short row and a totals row.
 */
export function trickyOrders(newline: string, bom: boolean) {
  const header =
    '订单编号,买家会员名,买家应付货款,总金额,买家实际支付金额,订单状态,收货地址,订单创建时间,订单付款时间,宝贝标题,宝贝总数量,退款金额,是否货到付款';
  const row = (id: string, buyer: string, amount: string, title: string, at = 10) =>
    `="${id}",${buyer},${amount},${amount},${amount},交易成功,浙江省***,2026-10-${at} 21:16:42,2026-10-${at} 21:23:26,${title},1,0,否`;
  const lines = [header];
  for (let i = 0; i < 120; i++) {
    const id = `30000000000${String(100 + i * 10).padStart(8, '0')}`;
    const buyer = `buyer${i % 17}`;
    if (i === 5) lines.push(row('1234567890123450000', 'buyerA', '88.00', '帆布包'));
    if (i === 90) lines.push(row('1234567890123450000', 'buyerB', '88.00', '帆布包'));
    if (i === 20) {
      lines.push(row(id, buyer, '', '纯棉T恤'), row(id, buyer, '59.00', '休闲短裤'));
      continue;
    }
    if (i === 30) {
      lines.push(row(id, buyer, '100.00', '防晒衣'), row(id, buyer, '120.00', '运动袜'));
      continue;
    }
    if (i === 40) lines.push(row(id, buyer, '77.00', `"纯棉${newline}T恤, 白${newline}""加大"""`));
    else if (i === 60) lines.push(row(id, buyer, '66.00', '帆布包').replace('2026-10-10 21:16:42', '昨天'));
    else if (i === 70) lines.push(`="${id}",${buyer},66.00`);
    else if (i === 80) lines.push(`合计,,${'9,'.repeat(10)}9`);
    // Refused for its decimal comma, quoting the column's first amount (the first part's).
    else if (i === 100) lines.push(row(id, buyer, '"12,50"', '帆布包'));
    else lines.push(row(id, buyer, `${100 + i}.00`, '帆布包', 10 + (i % 18)));
    // Most orders have a second row (another product); some a third.
    if (i % 3 === 0) lines.push(row(id, buyer, `${100 + i}.00`, '休闲短裤', 10 + (i % 18)));
    if (i % 7 === 0) lines.push(row(id, buyer, `${100 + i}.00`, '运动袜', 10 + (i % 18)));
    if (i === 110) lines.push(lines[3] as string);
  }
  return `${bom ? '\ufeff' : ''}${lines.join(newline)}${newline}`;
}
