import { MAX_AMOUNT_MINOR } from '@kassa/contracts';
import type { ResolvedLine } from './sale-lines';
import { saleTooLarge } from './sales.exception';

/**
 * Refuses a sale whose lines add up to more than MAX_AMOUNT_MINOR (the bound of a unit price and
 * of one tender) before pricing: each line is within its bounds, but their products and sums could
 * pass 2^53, where pricing throws and the day's and the customer's totals could no longer be read.
 */
export function assertSaleSize(lines: ResolvedLine[]): void {
  const gross = lines.reduce((sum, line) => sum + BigInt(line.pricing.unitPriceMinor) * BigInt(line.pricing.quantity), 0n);
  if (gross > BigInt(MAX_AMOUNT_MINOR)) {
    throw saleTooLarge(gross, MAX_AMOUNT_MINOR);
  }
}
