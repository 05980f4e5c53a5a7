import { linearRegression, mean } from './statistics';
import { studentTQuantile } from './student-t';

/** An ordinary least-squares line through (t, values[t]) for t = 0 … n − 1. */
export interface LeastSquaresLine {
  intercept: number;
  slope: number;
  /** Number of points the line was fitted on. */
  count: number;
  /** Residual standard error s = √(SSE / (n − 2)); null with fewer than three points. */
  residualStandardError: number | null;
  slopeStandardError: number | null;
  /** Σ(t − t̄)², needed for intervals at new t. */
  spreadOfTime: number;
}

export function fitLeastSquares(values: readonly number[]): LeastSquaresLine {
  const count = values.length;
  if (count === 0) return { intercept: 0, slope: 0, count, residualStandardError: null, slopeStandardError: null, spreadOfTime: 0 };
  if (count === 1) return { intercept: values[0], slope: 0, count, residualStandardError: null, slopeStandardError: null, spreadOfTime: 0 };
  const { m: slope, b: intercept } = linearRegression(values.map((value, t) => [t, value]));
  const meanTime = (count - 1) / 2;
  const spreadOfTime = values.reduce((total, _, t) => total + (t - meanTime) ** 2, 0);
  if (count < 3) return { intercept, slope, count, residualStandardError: null, slopeStandardError: null, spreadOfTime };
  const squaredErrors = values.reduce((total, value, t) => total + (value - intercept - slope * t) ** 2, 0);
  const residualStandardError = Math.sqrt(squaredErrors / (count - 2));
  return { intercept, slope, count, residualStandardError, slopeStandardError: residualStandardError / Math.sqrt(spreadOfTime), spreadOfTime };
}

/** Two-sided t multiplier for a `confidence` interval on the line's n − 2 degrees of freedom. */
export function lineTMultiplier(line: LeastSquaresLine, confidence: number): number {
  return studentTQuantile(0.5 + confidence / 2, line.count - 2);
}

export function meanOrZero(values: readonly number[]): number {
  return values.length === 0 ? 0 : mean([...values]);
}
