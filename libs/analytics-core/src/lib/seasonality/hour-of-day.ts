import { ExplanationOptions, plainNumber } from '../wording';
import { finiteOrNull } from '../finite';
import { describePattern, flat, SeasonalPattern } from './seasonal-pattern';
import { twoWayIndexes } from './two-way-indexes';

/** One hour's value on one local day; hours without a row count as 0 on days that have rows. */
export interface HourlyPoint {
  date: string;
  hour: number;
  value: number;
}

export interface HourProfileEntry {
  hour: number;
  /** Mean value in this hour per day observed. */
  averagePerDay: number;
  /** This hour's part of the total, 0 … 1 (all 0 when the total is 0). */
  share: number;
}

export interface HourOfDayProfile extends SeasonalPattern<number> {
  profile: HourProfileEntry[];
}

/** The shape of a trading day: per-hour averages and shares, plus additive hour indexes and their strength. */
export function hourOfDayProfile(points: readonly HourlyPoint[], options: ExplanationOptions = {}): HourOfDayProfile {
  const { label = 'sales', format = plainNumber } = options;
  const days = [...new Set(points.map((point) => point.date))];
  const totals = new Array<number>(24).fill(0);
  const table = new Map<string, number>();
  for (const { date, hour, value } of points) {
    totals[hour] += value;
    table.set(`${date} ${hour}`, (table.get(`${date} ${hour}`) ?? 0) + value);
  }
  const grandTotal = totals.reduce((total, value) => total + value, 0);
  const profile = totals.map((total, hour) => ({
    hour,
    averagePerDay: days.length === 0 ? 0 : total / days.length,
    share: grandTotal === 0 ? 0 : (finiteOrNull(total / grandTotal) ?? 0),
  }));
  const hours = Array.from({ length: 24 }, (_, hour) => hour);
  if (days.length === 0) return { ...flat(hours, 'There are no hourly sales yet.'), profile };
  const cells = days.flatMap((date) => hours.map((hour) => ({ group: date, slot: hour, value: table.get(`${date} ${hour}`) ?? 0 })));
  const { indexes, strength } = twoWayIndexes(cells, 24);
  const pattern = describePattern(
    hours.map((slot) => ({ slot, index: indexes[slot] })),
    strength,
    label,
    format,
    (hour) => `${String(hour).padStart(2, '0')}:00–${String(hour + 1).padStart(2, '0')}:00`,
    'daily',
  );
  return { ...pattern, profile };
}
