/**
 * Money arithmetic in integer minor units. Products of amounts and rates can pass 2^53, so the
 * rounding works on BigInt and the results come back as safe integers.
 */

/**
 * The largest amount the API takes anywhere — a price, a cost, a tender, a sale's lines together:
 * 1,000,000,000.00 in a two-decimal currency. Sums of many such amounts (a day, a customer) stay
 * far below 2^53.
 */
export const MAX_AMOUNT_MINOR = 100_000_000_000;

/** round(numerator / denominator) to the nearest integer, ties to even (banker's rounding). Denominator > 0. */
export function divideHalfEven(numerator: bigint, denominator: bigint): bigint {
  const quotient = numerator / denominator;
  const remainder = numerator % denominator;
  if (remainder === 0n) return quotient;
  const twice = 2n * (remainder < 0n ? -remainder : remainder);
  const away = numerator < 0n ? quotient - 1n : quotient + 1n;
  if (twice > denominator) return away;
  if (twice < denominator) return quotient;
  return quotient % 2n === 0n ? quotient : away;
}

export function toSafeNumber(value: bigint): number {
  const result = Number(value);
  if (!Number.isSafeInteger(result)) throw new RangeError(`${value} minor units is beyond safe integers`);
  return result;
}

/** `amount` × `bps` / 10,000, rounded half-even once. */
export function applyBasisPoints(amountMinor: number, bps: number): number {
  return toSafeNumber(divideHalfEven(BigInt(amountMinor) * BigInt(bps), 10_000n));
}

/**
 * Splits `total` over `weights` in proportion, exactly: floors first, then the units left go to
 * the largest remainders (earlier entries first on ties). All weights zero: nothing is split.
 */
export function allocateLargestRemainder(total: number, weights: number[]): number[] {
  const sum = weights.reduce((a, b) => a + b, 0);
  if (sum === 0 || total === 0) return weights.map(() => 0);
  const exact = weights.map((weight) => BigInt(total) * BigInt(weight));
  const shares = exact.map((value) => value / BigInt(sum));
  let left = BigInt(total) - shares.reduce((a, b) => a + b, 0n);
  const byRemainder = exact
    .map((value, index) => ({ index, remainder: value % BigInt(sum) }))
    .sort((a, b) => (a.remainder === b.remainder ? a.index - b.index : a.remainder > b.remainder ? -1 : 1));
  for (const { index } of byRemainder) {
    if (left === 0n) break;
    shares[index] += 1n;
    left -= 1n;
  }
  return shares.map(toSafeNumber);
}
