/** Ratios against near-zero denominators can overflow; such an answer is "unknown", never Infinity. */
export function finiteOrNull(value: number): number | null {
  return Number.isFinite(value) ? value : null;
}
