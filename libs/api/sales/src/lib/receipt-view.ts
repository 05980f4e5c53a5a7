import type { RefundDto } from './dto/refund.dto';
import type { SaleDto } from './dto/sale.dto';

/** Everything a receipt shows: the sale, its refunds so far, and where it was rung up. */
export interface ReceiptView {
  shopName: string;
  storeName: string;
  registerName: string;
  timeZone: string;
  sale: SaleDto;
  refunds: RefundDto[];
}

/** `1234` in EUR → `12.34`; integer arithmetic, the currency's own number of minor digits. */
export function formatMinor(amountMinor: number, currency: string): string {
  const digits = new Intl.NumberFormat('en', { style: 'currency', currency }).resolvedOptions().maximumFractionDigits ?? 2;
  const sign = amountMinor < 0 ? '-' : '';
  const absolute = String(Math.abs(amountMinor)).padStart(digits + 1, '0');
  const units = absolute.slice(0, absolute.length - digits);
  return digits === 0 ? `${sign}${units}` : `${sign}${units}.${absolute.slice(-digits)}`;
}

/** `2026-11-26 23:30` in the shop's time zone. */
export function formatLocalTime(iso: string, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-GB', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })
      .formatToParts(new Date(iso))
      .map((part) => [part.type, part.value]),
  );
  return `${parts['year']}-${parts['month']}-${parts['day']} ${parts['hour']}:${parts['minute']}`;
}

export const formatRate = (rateBps: number) => `${(rateBps / 100).toFixed(rateBps % 100 === 0 ? 0 : 2)}%`;

export const TENDER_LABELS = { cash: 'Cash', card: 'Card', other: 'Other' } as const;

/** Tax per rate over the sale's lines, lowest rate first. */
export function taxBreakdown(sale: SaleDto): { rateBps: number; taxMinor: number }[] {
  const byRate = new Map<number, number>();
  for (const line of sale.lines) byRate.set(line.taxRateBps, (byRate.get(line.taxRateBps) ?? 0) + line.taxMinor);
  return [...byRate].sort(([a], [b]) => a - b).map(([rateBps, taxMinor]) => ({ rateBps, taxMinor }));
}

export function discountLabel(discount: { percentBps?: number; amountMinor?: number } | null): string {
  return discount?.percentBps !== undefined ? `Discount ${formatRate(discount.percentBps)}` : 'Discount';
}
