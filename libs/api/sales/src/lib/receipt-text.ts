import { discountLabel, formatLocalTime, formatMinor, formatRate, ReceiptView, TENDER_LABELS, taxBreakdown } from './receipt-view';

/** Characters per line of an 80 mm thermal printer in its standard font. */
export const RECEIPT_WIDTH = 42;

const rule = '-'.repeat(RECEIPT_WIDTH);
const center = (text: string) => {
  const clipped = text.slice(0, RECEIPT_WIDTH);
  return ' '.repeat(Math.floor((RECEIPT_WIDTH - clipped.length) / 2)) + clipped;
};
/** A label on the left, an amount on the right; a label too long is cut so the amount always shows. */
const row = (label: string, value: string) => {
  const room = RECEIPT_WIDTH - value.length - 1;
  const left = label.length > room ? label.slice(0, room) : label;
  return left + ' '.repeat(RECEIPT_WIDTH - left.length - value.length) + value;
};

/** The printable receipt (plain text, 42 columns, `\n` line ends). */
export function renderTextReceipt(view: ReceiptView): string {
  const { sale } = view;
  const money = (amountMinor: number) => formatMinor(amountMinor, sale.currency);
  const lines: string[] = [center(view.shopName), center(view.storeName), ''];
  lines.push(row(`Register ${view.registerName}`, `Receipt ${sale.receiptNumber}`));
  lines.push(formatLocalTime(sale.occurredAt, view.timeZone));
  if (sale.status === 'voided') lines.push(center('*** VOIDED ***'));
  lines.push(rule);
  for (const line of sale.lines) {
    lines.push(line.name.slice(0, RECEIPT_WIDTH));
    lines.push(row(`  ${line.quantity} x ${money(line.unitPriceMinor)}`, money(line.grossMinor)));
    if (line.lineDiscountMinor > 0) lines.push(row(`  ${discountLabel(line.discount)}`, money(-line.lineDiscountMinor)));
  }
  lines.push(rule);
  lines.push(row('Subtotal', money(sale.subtotalMinor)));
  const saleDiscountMinor = sale.lines.reduce((sum, line) => sum + line.saleDiscountMinor, 0);
  if (saleDiscountMinor > 0) lines.push(row(discountLabel(sale.discount), money(-saleDiscountMinor)));
  if (!sale.pricesIncludeTax) for (const tax of taxBreakdown(sale)) lines.push(row(`Tax ${formatRate(tax.rateBps)}`, money(tax.taxMinor)));
  lines.push(row('TOTAL', `${sale.currency} ${money(sale.totalMinor)}`));
  if (sale.pricesIncludeTax) for (const tax of taxBreakdown(sale)) lines.push(row(`  incl. tax ${formatRate(tax.rateBps)}`, money(tax.taxMinor)));
  lines.push(rule);
  for (const tender of sale.tenders) lines.push(row(TENDER_LABELS[tender.type], money(tender.amountMinor)));
  if (sale.changeDueMinor > 0) lines.push(row('Change', money(sale.changeDueMinor)));
  if (view.refunds.length > 0) {
    lines.push(rule);
    lines.push('Refunds');
    const names = new Map(sale.lines.map((line) => [line.id, line.name]));
    for (const refund of view.refunds) {
      lines.push(formatLocalTime(refund.createdAt, view.timeZone));
      for (const line of refund.lines) lines.push(row(`  ${line.quantity} x ${names.get(line.saleLineId) ?? ''}`, money(-line.amountMinor)));
    }
    lines.push(row('Refunded', money(-view.refunds.reduce((sum, refund) => sum + refund.totalMinor, 0))));
  }
  lines.push(rule);
  lines.push(center('Thank you!'));
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
