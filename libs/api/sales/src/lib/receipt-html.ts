import { escapeHtml } from '@kassa/api/mail';
import { discountLabel, formatLocalTime, formatMinor, formatRate, ReceiptView, TENDER_LABELS, taxBreakdown } from './receipt-view';

const row = (label: string, value: string, style = '') =>
  `<tr${style ? ` style="${style}"` : ''}><td>${escapeHtml(label)}</td><td style="text-align:right;white-space:nowrap">${escapeHtml(value)}</td></tr>`;

/** The email receipt: one self-contained HTML document with inline styles (mail clients drop stylesheets). */
export function renderHtmlReceipt(view: ReceiptView): string {
  const { sale } = view;
  const money = (amountMinor: number) => formatMinor(amountMinor, sale.currency);
  const rows: string[] = [];
  for (const line of sale.lines) {
    rows.push(row(`${line.quantity} × ${line.name} @ ${money(line.unitPriceMinor)}`, money(line.grossMinor)));
    if (line.lineDiscountMinor > 0) rows.push(row(discountLabel(line.discount), money(-line.lineDiscountMinor), 'color:#555'));
  }
  rows.push(row('Subtotal', money(sale.subtotalMinor), 'border-top:1px solid #ccc'));
  const saleDiscountMinor = sale.lines.reduce((sum, line) => sum + line.saleDiscountMinor, 0);
  if (saleDiscountMinor > 0) rows.push(row(discountLabel(sale.discount), money(-saleDiscountMinor)));
  const taxes = taxBreakdown(sale).map((tax) =>
    row(`${sale.pricesIncludeTax ? 'Incl. tax' : 'Tax'} ${formatRate(tax.rateBps)}`, money(tax.taxMinor), 'color:#555'),
  );
  if (!sale.pricesIncludeTax) rows.push(...taxes);
  rows.push(row('Total', `${sale.currency} ${money(sale.totalMinor)}`, 'font-weight:bold'));
  if (sale.pricesIncludeTax) rows.push(...taxes);
  for (const tender of sale.tenders)
    rows.push(row(TENDER_LABELS[tender.type], money(tender.amountMinor), tender === sale.tenders[0] ? 'border-top:1px solid #ccc' : ''));
  if (sale.changeDueMinor > 0) rows.push(row('Change', money(sale.changeDueMinor)));
  const names = new Map(sale.lines.map((line) => [line.id, line.name]));
  for (const refund of view.refunds) {
    for (const line of refund.lines) {
      rows.push(
        row(
          `Refund ${formatLocalTime(refund.createdAt, view.timeZone)}: ${line.quantity} × ${names.get(line.saleLineId) ?? ''}`,
          money(-line.amountMinor),
          'color:#a00',
        ),
      );
    }
  }
  const title = `${view.shopName} — receipt ${sale.receiptNumber}`;
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title></head>
<body style="margin:0;padding:24px;background:#f4f4f4;font-family:Arial,Helvetica,sans-serif;color:#111">
<div style="max-width:420px;margin:0 auto;background:#fff;padding:24px;border-radius:8px">
<h1 style="font-size:20px;margin:0 0 4px">${escapeHtml(view.shopName)}</h1>
<p style="margin:0 0 16px;color:#555">${escapeHtml(view.storeName)} · Register ${escapeHtml(view.registerName)} · Receipt ${sale.receiptNumber}<br>${escapeHtml(formatLocalTime(sale.occurredAt, view.timeZone))}${sale.status === 'voided' ? ' · <strong>Voided</strong>' : ''}</p>
<table style="width:100%;border-collapse:collapse;font-size:14px">
${rows.join('\n')}
</table>
<p style="margin:16px 0 0;text-align:center;color:#555">Thank you!</p>
</div>
</body></html>
`;
}
