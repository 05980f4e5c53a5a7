import { finiteOrNull } from '../finite';

export const WEAK_PATTERN_BELOW = 0.3;

/**
 * Strength of a seasonal pattern (Wang, Smith & Hyndman): max(0, 1 − Var(R) / Var(S + R)), where S is
 * the seasonal component and R the remainder; 0 when there is nothing to explain.
 */
export function seasonalStrength(seasonal: readonly number[], remainder: readonly number[]): number {
  if (remainder.length < 2) return 0;
  const variance = (values: readonly number[]) => {
    const average = values.reduce((total, value) => total + value, 0) / values.length;
    return values.reduce((total, value) => total + (value - average) ** 2, 0) / values.length;
  };
  const explained = variance(seasonal.map((value, index) => value + remainder[index]));
  if (explained === 0) return 0;
  return Math.max(0, Math.min(1, finiteOrNull(1 - variance(remainder) / explained) ?? 0));
}
