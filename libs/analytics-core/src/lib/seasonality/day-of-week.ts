import { ExplanationOptions, plainNumber } from '../wording';
import { DailyPoint, weekdayOf } from '../daily-point';
import { WEEKDAYS } from '../wording';
import { describePattern, flat, SeasonalPattern } from './seasonal-pattern';
import { seasonalStrength } from './seasonal-strength';

export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Day-of-week indexes by classical additive decomposition (statsmodels `seasonal_decompose(period=7)`):
 * trend = centred 7-day moving average; each weekday's index = the mean of (value − trend) on that
 * weekday, the seven then shifted to sum to zero. Needs two full weeks.
 */
export function dayOfWeekPattern(points: readonly DailyPoint[], options: ExplanationOptions = {}): SeasonalPattern<Weekday> {
  const { label = 'sales', format = plainNumber } = options;
  const count = points.length;
  if (count < 14) return flat(WEEKDAYS, `There are ${count} days of history; a weekly pattern needs at least two full weeks.`);
  const values = points.map((point) => point.value);
  const trend = values.map((_, t) => (t < 3 || t > count - 4 ? null : values.slice(t - 3, t + 4).reduce((total, value) => total + value, 0) / 7));
  const sums = new Array<number>(7).fill(0);
  const counts = new Array<number>(7).fill(0);
  trend.forEach((level, t) => {
    if (level === null) return;
    sums[t % 7] += values[t] - level;
    counts[t % 7] += 1;
  });
  const byPosition = sums.map((total, position) => total / counts[position]);
  const centre = byPosition.reduce((total, value) => total + value, 0) / 7;
  const seasonalAt = byPosition.map((value) => value - centre);
  const byWeekday = new Array<number>(7).fill(0);
  seasonalAt.forEach((value, position) => (byWeekday[weekdayOf(points[position].date)] = value));
  const seasonal: number[] = [];
  const remainder: number[] = [];
  trend.forEach((level, t) => {
    if (level === null) return;
    seasonal.push(seasonalAt[t % 7]);
    remainder.push(values[t] - level - seasonalAt[t % 7]);
  });
  return describePattern(
    WEEKDAYS.map((slot, weekday) => ({ slot, index: byWeekday[weekday] })),
    seasonalStrength(seasonal, remainder),
    label,
    format,
    (slot) => `${slot}s`,
    'weekly',
  );
}
