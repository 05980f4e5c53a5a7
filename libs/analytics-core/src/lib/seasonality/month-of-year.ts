import { ExplanationOptions, plainNumber } from '../wording';
import { DailyPoint } from '../daily-point';
import { MONTHS } from '../wording';
import { describePattern, flat, SeasonalPattern } from './seasonal-pattern';
import { twoWayIndexes } from './two-way-indexes';

export type Month = (typeof MONTHS)[number];

/**
 * Month-of-year indexes: the mean daily value of each (year, month) minus that year's mean over its
 * months, averaged per month over the years, shifted to sum to zero. Needs at least two months.
 */
export function monthOfYearPattern(points: readonly DailyPoint[], options: ExplanationOptions = {}): SeasonalPattern<Month> {
  const { label = 'sales', format = plainNumber } = options;
  const months = new Map<string, { total: number; days: number }>();
  for (const { date, value } of points) {
    const key = date.slice(0, 7);
    const month = months.get(key) ?? { total: 0, days: 0 };
    months.set(key, { total: month.total + value, days: month.days + 1 });
  }
  const cells = [...months].map(([key, { total, days }]) => ({ group: key.slice(0, 4), slot: Number(key.slice(5, 7)) - 1, value: total / days }));
  const { indexes, strength, seen } = twoWayIndexes(cells, 12);
  if (seen < 2) return flat(MONTHS, `The ${label} history covers ${seen} of the twelve months; a yearly pattern needs at least two.`);
  const shown = MONTHS.map((slot, month) => ({ slot, index: indexes[month] }));
  return describePattern(shown, strength, label, format, (slot) => slot, 'yearly');
}
