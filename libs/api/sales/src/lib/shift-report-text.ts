import type { ShiftReportDto } from './dto/shift-report.dto';
import { formatLocalTime, formatMinor, formatRate, TENDER_LABELS } from './receipt-view';
import { RECEIPT_WIDTH } from './receipt-text';

const rule = '-'.repeat(RECEIPT_WIDTH);
const center = (text: string) => {
  const clipped = text.slice(0, RECEIPT_WIDTH);
  return ' '.repeat(Math.floor((RECEIPT_WIDTH - clipped.length) / 2)) + clipped;
};
/** A label on the left, a value on the right; a label too long is cut so the value always shows. */
const row = (label: string, value: string) => {
  const room = RECEIPT_WIDTH - value.length - 1;
  const left = label.length > room ? label.slice(0, room) : label;
  return left + ' '.repeat(RECEIPT_WIDTH - left.length - value.length) + value;
};

export const MOVEMENT_LABELS = { pay_in: 'Pay-in', pay_out: 'Pay-out', drop: 'Drop' } as const;

/** The report's title: `Z-REPORT 12`, or `X-REPORT` for an open shift so far. */
export const reportTitle = (report: ShiftReportDto) => (report.kind === 'Z' ? `Z-REPORT ${report.zNumber}` : 'X-REPORT');

/** The printable X or Z report (plain text, 42 columns like the receipts, `\n` line ends). */
export function renderTextShiftReport(report: ShiftReportDto): string {
  const money = (amountMinor: number) => formatMinor(amountMinor, report.currency);
  const time = (iso: string) => formatLocalTime(iso, report.timeZone);
  const { cash, receipts } = report;
  const lines: string[] = [center(report.shopName), center(report.storeName), '', center(reportTitle(report)), ''];
  lines.push(`Register ${report.registerName}`.slice(0, RECEIPT_WIDTH));
  lines.push(row('Opened', time(report.openedAt)));
  lines.push(report.closedAt ? row('Closed', time(report.closedAt)) : row('Taken', time(report.takenAt)));
  lines.push(row('Receipts', receipts.firstNumber === null ? 'none' : `${receipts.firstNumber}-${receipts.lastNumber}`));
  if (receipts.missingCount > 0) {
    lines.push(row('Missing receipts', String(receipts.missingCount)));
    for (const gap of receipts.gaps) lines.push(`  ${gap.from === gap.to ? gap.from : `${gap.from}-${gap.to}`}`);
  }
  lines.push(rule);
  lines.push(row('Sales', String(report.sales.count)));
  lines.push(row('Gross', money(report.sales.grossMinor)));
  lines.push(row('Discounts', money(-report.sales.discountMinor)));
  lines.push(row('Sales total', money(report.sales.totalMinor)));
  lines.push(row(`Refunds (${report.refunds.count})`, money(-report.refunds.totalMinor)));
  lines.push(row(`Voids (${report.voids.count})`, money(-report.voids.totalMinor)));
  lines.push(row('NET', `${report.currency} ${money(report.netMinor)}`));
  for (const tax of report.taxByRate) lines.push(row(`  Tax ${formatRate(tax.rateBps)} on ${money(tax.netMinor)}`, money(tax.taxMinor)));
  lines.push(rule);
  lines.push('Tenders (net)');
  for (const tender of report.tenders) lines.push(row(`  ${TENDER_LABELS[tender.type]}`, money(tender.netMinor)));
  lines.push(rule);
  lines.push('Cash drawer');
  lines.push(row('  Opening float', money(cash.openingFloatMinor)));
  lines.push(row('  Cash received', money(cash.salesMinor)));
  lines.push(row('  Change given', money(-cash.changeMinor)));
  lines.push(row('  Cash refunds', money(-cash.refundsMinor)));
  lines.push(row('  Cash voids', money(-cash.voidsMinor)));
  lines.push(row('  Pay-ins', money(cash.payInsMinor)));
  lines.push(row('  Pay-outs', money(-cash.payOutsMinor)));
  lines.push(row('  Drops', money(-cash.dropsMinor)));
  if (cash.expectedMinor !== null) lines.push(row('Expected', money(cash.expectedMinor)));
  if (cash.countedMinor !== null) lines.push(row('Counted', money(cash.countedMinor)));
  if (cash.overShortMinor !== null)
    lines.push(row(cash.overShortMinor < 0 ? 'SHORT' : cash.overShortMinor > 0 ? 'OVER' : 'Over/short', money(cash.overShortMinor)));
  if (report.cashMovements.length > 0) {
    lines.push(rule);
    lines.push('Cash movements');
    for (const movement of report.cashMovements) {
      const sign = movement.type === 'pay_in' ? 1 : -1;
      lines.push(row(`  ${time(movement.occurredAt).slice(11)} ${MOVEMENT_LABELS[movement.type]}`, money(sign * movement.amountMinor)));
      lines.push(`    ${movement.reason}`.slice(0, RECEIPT_WIDTH));
    }
  }
  if (report.denominations && report.denominations.length > 0) {
    lines.push(rule);
    lines.push('Count');
    for (const entry of report.denominations) lines.push(row(`  ${entry.count} x ${money(entry.valueMinor)}`, money(entry.count * entry.valueMinor)));
  }
  lines.push(rule);
  return `${lines.map((line) => line.trimEnd()).join('\n')}\n`;
}
