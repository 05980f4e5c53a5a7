import { allocateLargestRemainder, applyBasisPoints, divideHalfEven, toSafeNumber } from './money';

/** A discount off a line or a whole sale: a percentage in basis points, or an amount in minor units. */
export type Discount = { percentBps: number } | { amountMinor: number };

export interface PricingLine {
  unitPriceMinor: number;
  quantity: number;
  taxRateBps: number;
  discount?: Discount;
}

export interface PricingInput {
  lines: PricingLine[];
  /** Off the whole sale, spread over the lines in proportion to what is left of each. */
  discount?: Discount;
  /** The shop's tax mode: prices include tax (gross, as in most of Europe) or tax is added on top. */
  pricesIncludeTax: boolean;
}

export interface PricedLine {
  /** unit price × quantity */
  grossMinor: number;
  lineDiscountMinor: number;
  /** This line's share of the sale discount. */
  saleDiscountMinor: number;
  /** Tax contained in (inclusive) or added to (exclusive) the line. */
  taxMinor: number;
  /** What the customer pays for the line. */
  totalMinor: number;
}

export interface PricedSale {
  lines: PricedLine[];
  subtotalMinor: number;
  discountMinor: number;
  taxMinor: number;
  totalMinor: number;
}

function discountOf(base: number, discount: Discount | undefined): number {
  if (!discount) return 0;
  const amount = 'percentBps' in discount ? applyBasisPoints(base, discount.percentBps) : discount.amountMinor;
  return Math.min(amount, base);
}

function taxOf(amount: number, rateBps: number, pricesIncludeTax: boolean): number {
  const denominator = pricesIncludeTax ? 10_000n + BigInt(rateBps) : 10_000n;
  return toSafeNumber(divideHalfEven(BigInt(amount) * BigInt(rateBps), denominator));
}

/**
 * Prices a sale (DESIGN.md §2): integer minor units throughout, line discounts first, then the
 * sale discount allocated by largest remainder, then tax per line rounded half-even once; the
 * sale's totals are the sums of its lines. The API and the POS (offline) run this same function.
 */
export function priceSale(input: PricingInput): PricedSale {
  const gross = input.lines.map((line) => toSafeNumber(BigInt(line.unitPriceMinor) * BigInt(line.quantity)));
  const lineDiscounts = input.lines.map((line, i) => discountOf(gross[i], line.discount));
  const afterLineDiscounts = gross.map((amount, i) => amount - lineDiscounts[i]);
  const saleDiscount = discountOf(
    afterLineDiscounts.reduce((a, b) => a + b, 0),
    input.discount,
  );
  const allocated = allocateLargestRemainder(saleDiscount, afterLineDiscounts);
  const lines = input.lines.map((line, i): PricedLine => {
    const amount = afterLineDiscounts[i] - allocated[i];
    const taxMinor = taxOf(amount, line.taxRateBps, input.pricesIncludeTax);
    return {
      grossMinor: gross[i],
      lineDiscountMinor: lineDiscounts[i],
      saleDiscountMinor: allocated[i],
      taxMinor,
      totalMinor: input.pricesIncludeTax ? amount : amount + taxMinor,
    };
  });
  const sum = (pick: (line: PricedLine) => number) => lines.reduce((total, line) => total + pick(line), 0);
  return {
    lines,
    subtotalMinor: sum((line) => line.grossMinor),
    discountMinor: sum((line) => line.lineDiscountMinor + line.saleDiscountMinor),
    taxMinor: sum((line) => line.taxMinor),
    totalMinor: sum((line) => line.totalMinor),
  };
}

export interface RefundShare {
  amountMinor: number;
  taxMinor: number;
}

/**
 * What refunding `quantity` more units of a sold line gives back, after `alreadyRefunded` units: the
 * line's paid total and tax (its prices and discounts as sold) in proportion, rounded half-even on the
 * running total, so a line refunded in parts gives back exactly what was paid for it.
 */
export function refundShare(line: { totalMinor: number; taxMinor: number; quantity: number }, alreadyRefunded: number, quantity: number): RefundShare {
  const upTo = (amount: number, units: number) => toSafeNumber(divideHalfEven(BigInt(amount) * BigInt(units), BigInt(line.quantity)));
  const share = (amount: number) => upTo(amount, alreadyRefunded + quantity) - upTo(amount, alreadyRefunded);
  return { amountMinor: share(line.totalMinor), taxMinor: share(line.taxMinor) };
}
