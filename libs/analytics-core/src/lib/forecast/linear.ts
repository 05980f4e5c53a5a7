import { fitLeastSquares, lineTMultiplier } from '../least-squares';
import { ForecastPoint, pointWithin } from './forecast-point';

/**
 * The least-squares line extended past the end, with the regression prediction interval
 * ŷ ± t(n−2) · s · √(1 + 1/n + (t₀ − t̄)² / Σ(t − t̄)²). Under three points the interval has no width.
 */
export function linearForecast(values: readonly number[], horizon: number, confidence = 0.95): ForecastPoint[] {
  const line = fitLeastSquares(values);
  const count = values.length;
  const meanTime = (count - 1) / 2;
  const multiplier = line.residualStandardError === null ? 0 : lineTMultiplier(line, confidence) * line.residualStandardError;
  return Array.from({ length: horizon }, (_, index) => {
    const t = count - 1 + index + 1;
    const spread = line.spreadOfTime === 0 ? 0 : (t - meanTime) ** 2 / line.spreadOfTime;
    return pointWithin(line.intercept + line.slope * t, multiplier * Math.sqrt(1 + 1 / Math.max(count, 1) + spread));
  });
}

/** The one-step forecast of y(t) from a line fitted to y(0 … t − 1). */
export function linearOneStep(values: readonly number[], t: number): number {
  const line = fitLeastSquares(values.slice(0, t));
  return line.intercept + line.slope * t;
}
