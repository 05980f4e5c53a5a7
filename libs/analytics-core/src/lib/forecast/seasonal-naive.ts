import { ForecastPoint, normalMultiplier, pointWithin } from './forecast-point';

/**
 * Each future day repeats the same weekday of the last season: ŷ(n + h) = y(n + h − m(k + 1)),
 * k = ⌊(h − 1) / m⌋. Interval: σ² (k + 1), σ² the mean square of the seasonal differences.
 * Under one full season it repeats the last value (naive); an empty series forecasts 0.
 */
export function seasonalNaiveForecast(values: readonly number[], horizon: number, season = 7, confidence = 0.95): ForecastPoint[] {
  const count = values.length;
  const period = count >= season ? season : 1;
  const differences = values.slice(period).map((value, index) => value - values[index]);
  const variance = differences.length === 0 ? 0 : differences.reduce((total, difference) => total + difference * difference, 0) / differences.length;
  const multiplier = normalMultiplier(confidence);
  return Array.from({ length: horizon }, (_, index) => {
    const cycles = Math.floor(index / period);
    const value = count === 0 ? 0 : values[count - period + (index % period)];
    return pointWithin(value, multiplier * Math.sqrt(variance * (cycles + 1)));
  });
}

/** The seasonal-naive one-step forecast of y(t), from the data before t (what MASE scales by). */
export function seasonalNaiveOneStep(values: readonly number[], t: number, season = 7): number {
  return t >= season ? values[t - season] : t > 0 ? values[t - 1] : 0;
}
