import { escapeHtml } from '@kassa/api/mail';
import type { SupplierDto } from './dto/supplier.dto';
import type { PurchaseOrderDto } from './dto/purchase-order.dto';

export interface PurchaseOrderDocument {
  order: PurchaseOrderDto;
  supplier: SupplierDto;
  shopName: string;
  storeName: string;
}

/** Minor units as a plain decimal for a currency's minor digits (2 unless the currency says otherwise). */
function formatMinor(amountMinor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const absolute = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const units = absolute.slice(0, absolute.length - digits);
  return `${amountMinor < 0 ? '-' : ''}${digits === 0 ? units : `${units}.${absolute.slice(-digits)}`}`;
}

const cell = (text: string, numeric = false) =>
  `<td style="padding:4px 8px;border-bottom:1px solid #ddd${numeric ? ';text-align:right;white-space:nowrap' : ''}">${escapeHtml(text)}</td>`;

/**
 * The purchase order as the supplier gets it: one self-contained, printable HTML document with inline styles
 * (it is also the body of the email to the supplier, and mail clients drop stylesheets).
 */
export function renderPurchaseOrderHtml({ order, supplier, shopName, storeName }: PurchaseOrderDocument): string {
  const money = (amountMinor: number) => formatMinor(amountMinor, order.currency);
  const rows = order.lines.map((line) =>
    [
      '<tr>',
      cell(line.sku),
      cell(line.name),
      cell(String(line.quantity), true),
      cell(line.packSize && line.packSize > 1 ? `${line.quantity / line.packSize} × ${line.packSize}` : '', true),
      cell(money(line.unitCostMinor), true),
      cell(money(line.totalMinor), true),
      cell(line.expectedDate ?? ''),
      '</tr>',
    ].join(''),
  );
  const heading = (text: string, numeric = false) =>
    `<th style="padding:4px 8px;border-bottom:2px solid #333;text-align:${numeric ? 'right' : 'left'}">${text}</th>`;
  const supplierLines = [supplier.name, supplier.contactName, supplier.address, supplier.email, supplier.phone].filter((value): value is string => !!value);
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(order.number)} – ${escapeHtml(shopName)}</title></head>
<body style="font-family:system-ui,sans-serif;color:#111;max-width:800px;margin:24px auto;padding:0 16px">
<h1 style="font-size:22px;margin:0 0 4px">Purchase order ${escapeHtml(order.number)}</h1>
<p style="margin:0 0 16px;color:#555">${escapeHtml(shopName)}, deliver to ${escapeHtml(storeName)}</p>
<table style="width:100%;margin-bottom:16px"><tr>
<td style="vertical-align:top"><strong>Supplier</strong><br>${supplierLines.map(escapeHtml).join('<br>')}</td>
<td style="vertical-align:top;text-align:right">Payment terms: ${supplier.paymentTermsDays} days<br>Currency: ${escapeHtml(order.currency)}</td>
</tr></table>
<table style="width:100%;border-collapse:collapse">
<thead><tr>${heading('SKU')}${heading('Product')}${heading('Units', true)}${heading('Packs', true)}${heading('Unit cost', true)}${heading('Total', true)}${heading('Expected')}</tr></thead>
<tbody>${rows.join('\n')}</tbody>
<tfoot><tr><td colspan="5" style="padding:8px;text-align:right;font-weight:bold">Total ${escapeHtml(order.currency)}</td><td style="padding:8px;text-align:right;font-weight:bold">${money(order.totalMinor)}</td><td></td></tr></tfoot>
</table>
${order.note ? `<p style="margin-top:16px">${escapeHtml(order.note)}</p>` : ''}
</body></html>
`;
}

/** The same order as plain text: the alternative part of the email to the supplier. */
export function renderPurchaseOrderText({ order, supplier, shopName, storeName }: PurchaseOrderDocument): string {
  const money = (amountMinor: number) => formatMinor(amountMinor, order.currency);
  return [
    `Purchase order ${order.number}`,
    `${shopName}, deliver to ${storeName}`,
    `Supplier: ${supplier.name}`,
    `Payment terms: ${supplier.paymentTermsDays} days`,
    '',
    ...order.lines.map((line) => `${line.quantity} × ${line.sku} ${line.name} at ${money(line.unitCostMinor)} = ${money(line.totalMinor)}`),
    '',
    `Total ${order.currency} ${money(order.totalMinor)}`,
    ...(order.note ? ['', order.note] : []),
    '',
  ].join('\n');
}
