import { fitLeastSquares, lineTMultiplier, meanOrZero } from './least-squares';
import { finiteOrNull } from './finite';
import { ExplanationOptions, formatPercent, plainNumber, signed, ValueFormat } from './wording';

export type TrendDirection = 'up' | 'down' | 'flat';

export interface TrendOptions extends ExplanationOptions {
  /** The previous period's daily values, for the % change of the totals. */
  previous?: readonly number[];
  /** The fitted line must move at least this % of the period's mean to count as up or down. Default 5. */
  thresholdPercent?: number;
  /** Confidence of the slope interval. Default 0.95. */
  confidence?: number;
}

export interface Trend {
  direction: TrendDirection;
  /** (Σ current − Σ previous) / |Σ previous| × 100; null without a previous period or when its total is 0. */
  changePercent: number | null;
  /** Least-squares slope per day and its confidence interval (null under three points). */
  slope: number;
  slopeInterval: { low: number; high: number } | null;
  intercept: number;
  /** How far the fitted line moves over the period, as % of the period's mean; null when the mean is 0. */
  fittedChangePercent: number | null;
  explanation: string;
}

/**
 * Direction, % change against the previous period and the least-squares slope of a daily series.
 * "Up" and "down" need both a fitted move of at least the threshold and, when an interval exists,
 * a slope interval that excludes zero — a noisy series with a steep-looking line stays "flat".
 */
export function trend(values: readonly number[], options: TrendOptions = {}): Trend {
  const { previous, thresholdPercent = 5, confidence = 0.95, label = 'sales', format = plainNumber } = options;
  const line = fitLeastSquares(values);
  const slopeInterval =
    line.slopeStandardError === null
      ? null
      : {
          low: line.slope - lineTMultiplier(line, confidence) * line.slopeStandardError,
          high: line.slope + lineTMultiplier(line, confidence) * line.slopeStandardError,
        };
  const level = meanOrZero(values);
  const fittedChangePercent = level === 0 || values.length < 2 ? null : finiteOrNull(((line.slope * (values.length - 1)) / Math.abs(level)) * 100);
  const significant = slopeInterval === null || slopeInterval.low > 0 || slopeInterval.high < 0;
  const direction: TrendDirection =
    fittedChangePercent === null || Math.abs(fittedChangePercent) < thresholdPercent || !significant ? 'flat' : fittedChangePercent > 0 ? 'up' : 'down';
  const changePercent = percentChange(values, previous);
  return {
    direction,
    changePercent,
    slope: line.slope,
    slopeInterval,
    intercept: line.intercept,
    fittedChangePercent,
    explanation: explain(label, format, direction, fittedChangePercent, line.slope, slopeInterval, changePercent, confidence),
  };
}

function percentChange(values: readonly number[], previous: readonly number[] | undefined): number | null {
  if (previous === undefined) return null;
  const before = previous.reduce((total, value) => total + value, 0);
  if (before === 0) return null;
  const now = values.reduce((total, value) => total + value, 0);
  return finiteOrNull(((now - before) / Math.abs(before)) * 100);
}

function explain(
  label: string,
  format: ValueFormat,
  direction: TrendDirection,
  fittedChangePercent: number | null,
  slope: number,
  interval: { low: number; high: number } | null,
  changePercent: number | null,
  confidence: number,
): string {
  const movement =
    fittedChangePercent === null
      ? `There is no ${label} trend to measure yet`
      : direction === 'flat'
        ? `The ${label} trend is flat (the line moves ${formatPercent(fittedChangePercent)} over the period${interval ? `, within the noise` : ''})`
        : `The ${label} trend is ${direction} (${formatPercent(fittedChangePercent)} over the period, ${signed(slope, format)} a day)`;
  const range = interval
    ? `; ${Math.round(confidence * 100)}% interval for the daily change: ${signed(interval.low, format)} to ${signed(interval.high, format)}`
    : '';
  const versus = changePercent === null ? '' : `; the period total is ${formatPercent(changePercent)} against the previous period`;
  return `${movement}${range}${versus}.`;
}
