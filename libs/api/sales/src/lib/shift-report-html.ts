import { escapeHtml } from '@kassa/api/mail';
import type { ShiftReportDto } from './dto/shift-report.dto';
import { formatLocalTime, formatMinor, formatRate, TENDER_LABELS } from './receipt-view';
import { MOVEMENT_LABELS, reportTitle } from './shift-report-text';

const row = (label: string, value: string, className = '') =>
  `<tr${className ? ` class="${className}"` : ''}><th scope="row">${escapeHtml(label)}</th><td>${escapeHtml(value)}</td></tr>`;
const section = (title: string, rows: string[]) => `<h2>${escapeHtml(title)}</h2>\n<table>\n${rows.join('\n')}\n</table>`;

/** The printable X or Z report: one self-contained page, sized for an 80 mm roll and fine on A4. */
export function renderHtmlShiftReport(report: ShiftReportDto): string {
  const money = (amountMinor: number) => formatMinor(amountMinor, report.currency);
  const time = (iso: string) => formatLocalTime(iso, report.timeZone);
  const { cash, receipts } = report;
  const title = `${report.shopName} — ${reportTitle(report)} — ${report.registerName}`;
  const head = [
    row('Register', report.registerName),
    row('Opened', time(report.openedAt)),
    report.closedAt ? row('Closed', time(report.closedAt)) : row('Taken', time(report.takenAt)),
    row('Receipts', receipts.firstNumber === null ? 'none' : `${receipts.firstNumber}–${receipts.lastNumber}`),
    ...(receipts.missingCount > 0
      ? [row('Missing receipts', receipts.gaps.map((gap) => (gap.from === gap.to ? `${gap.from}` : `${gap.from}–${gap.to}`)).join(', '), 'alert')]
      : []),
  ];
  const sales = [
    row('Sales', String(report.sales.count)),
    row('Gross', money(report.sales.grossMinor)),
    row('Discounts', money(-report.sales.discountMinor)),
    row('Sales total', money(report.sales.totalMinor)),
    row(`Refunds (${report.refunds.count})`, money(-report.refunds.totalMinor)),
    row(`Voids (${report.voids.count})`, money(-report.voids.totalMinor)),
    row('Net', `${report.currency} ${money(report.netMinor)}`, 'total'),
    ...report.taxByRate.map((tax) => row(`Tax ${formatRate(tax.rateBps)} on ${money(tax.netMinor)}`, money(tax.taxMinor))),
  ];
  const tenders = report.tenders.map((tender) => row(TENDER_LABELS[tender.type], money(tender.netMinor)));
  const drawer = [
    row('Opening float', money(cash.openingFloatMinor)),
    row('Cash received', money(cash.salesMinor)),
    row('Change given', money(-cash.changeMinor)),
    row('Cash refunds', money(-cash.refundsMinor)),
    row('Cash voids', money(-cash.voidsMinor)),
    row('Pay-ins', money(cash.payInsMinor)),
    row('Pay-outs', money(-cash.payOutsMinor)),
    row('Drops', money(-cash.dropsMinor)),
    ...(cash.expectedMinor !== null ? [row('Expected', money(cash.expectedMinor), 'total')] : []),
    ...(cash.countedMinor !== null ? [row('Counted', money(cash.countedMinor))] : []),
    ...(cash.overShortMinor !== null
      ? [
          row(
            cash.overShortMinor < 0 ? 'Short' : cash.overShortMinor > 0 ? 'Over' : 'Over/short',
            money(cash.overShortMinor),
            cash.overShortMinor === 0 ? 'total' : 'total alert',
          ),
        ]
      : []),
  ];
  const movements = report.cashMovements.map((movement) =>
    row(
      `${time(movement.occurredAt).slice(11)} ${MOVEMENT_LABELS[movement.type]}: ${movement.reason}`,
      money((movement.type === 'pay_in' ? 1 : -1) * movement.amountMinor),
    ),
  );
  const count = (report.denominations ?? []).map((entry) => row(`${entry.count} × ${money(entry.valueMinor)}`, money(entry.count * entry.valueMinor)));
  return `<!doctype html>
<html lang="en"><head><meta charset="utf-8"><title>${escapeHtml(title)}</title>
<style>
@page { size: 80mm auto; margin: 4mm; }
body { margin: 0 auto; max-width: 72mm; padding: 8px; font: 12px/1.35 Arial, Helvetica, sans-serif; color: #000; background: #fff; }
h1 { font-size: 15px; text-align: center; margin: 0; }
p { text-align: center; margin: 0 0 6px; }
h2 { font-size: 12px; text-transform: uppercase; border-top: 1px dashed #000; padding-top: 6px; margin: 8px 0 2px; }
table { width: 100%; border-collapse: collapse; }
th { font-weight: normal; text-align: left; }
td { text-align: right; white-space: nowrap; }
.total th, .total td { font-weight: bold; }
.alert th, .alert td { font-weight: bold; text-decoration: underline; }
</style></head>
<body>
<h1>${escapeHtml(report.shopName)}</h1>
<p>${escapeHtml(report.storeName)}</p>
<h1>${escapeHtml(reportTitle(report))}</h1>
<table>
${head.join('\n')}
</table>
${section('Sales', sales)}
${section('Tenders (net)', tenders)}
${section('Cash drawer', drawer)}
${movements.length > 0 ? section('Cash movements', movements) : ''}
${count.length > 0 ? section('Count', count) : ''}
</body></html>
`;
}
