import { probit } from '../statistics';

/** One forecast day: the point forecast and its prediction interval. */
export interface ForecastPoint {
  value: number;
  low: number;
  high: number;
}

export type ForecastMethod = 'seasonal-naive' | 'linear' | 'holt-winters';

export const METHOD_NAMES: Record<ForecastMethod, string> = {
  'seasonal-naive': 'seasonal naive',
  linear: 'linear trend',
  'holt-winters': 'Holt-Winters',
};

/** Two-sided normal multiplier, e.g. 1.96 for 0.95. */
export function normalMultiplier(confidence: number): number {
  return probit(0.5 + confidence / 2);
}

export function pointWithin(value: number, halfWidth: number): ForecastPoint {
  const width = Number.isFinite(halfWidth) ? halfWidth : 0;
  return { value, low: value - width, high: value + width };
}
