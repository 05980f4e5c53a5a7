import { finiteOrNull } from '../finite';
import { SaleLineFact } from '../sale-line-fact';
import { formatNumber } from '../wording';

export interface ProductVelocity {
  productId: string;
  unitsPerDay: number;
  revenuePerDayMinor: number;
  stockOnHand: number;
  /** stock ÷ units per day; 0 when out of stock; null when the product did not sell (no rate to run down at). */
  daysOfCover: number | null;
  explanation: string;
}

export interface VelocityOptions {
  /** Days in the period the lines come from (days without sales count). */
  days: number;
  /** Stock on hand per product id; products missing from it have 0. */
  stockOnHand: ReadonlyMap<string, number>;
  nameOf?: (productId: string) => string;
}

/** Units and revenue per day per product and how long the stock on hand lasts at that rate; shortest cover first. */
export function salesVelocity(lines: readonly SaleLineFact[], options: VelocityOptions): ProductVelocity[] {
  const { stockOnHand, nameOf = (productId: string) => productId } = options;
  const days = Math.max(1, options.days);
  const totals = new Map<string, { quantity: number; revenueMinor: number }>();
  for (const productId of stockOnHand.keys()) totals.set(productId, { quantity: 0, revenueMinor: 0 });
  for (const line of lines) {
    const total = totals.get(line.productId) ?? { quantity: 0, revenueMinor: 0 };
    totals.set(line.productId, { quantity: total.quantity + line.quantity, revenueMinor: total.revenueMinor + line.revenueMinor });
  }
  return [...totals]
    .map(([productId, { quantity, revenueMinor }]): ProductVelocity => {
      const unitsPerDay = quantity / days;
      const stock = stockOnHand.get(productId) ?? 0;
      const daysOfCover = stock <= 0 ? 0 : unitsPerDay <= 0 ? null : finiteOrNull(stock / unitsPerDay);
      const name = nameOf(productId);
      const explanation =
        daysOfCover === null
          ? `${name} did not sell in the last ${days} days; ${formatNumber(stock)} on hand.`
          : `${name} sells ${formatNumber(unitsPerDay)} a day; ${stock <= 0 ? 'it is out of stock' : `the ${formatNumber(stock)} on hand last about ${formatNumber(daysOfCover)} days`}.`;
      return { productId, unitsPerDay, revenuePerDayMinor: revenueMinor / days, stockOnHand: stock, daysOfCover, explanation };
    })
    .sort((a, b) => (a.daysOfCover ?? Infinity) - (b.daysOfCover ?? Infinity) || b.unitsPerDay - a.unitsPerDay || (a.productId < b.productId ? -1 : 1));
}
