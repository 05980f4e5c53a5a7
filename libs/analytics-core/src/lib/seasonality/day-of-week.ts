import { DailyPoint, weekdayOf } from '../daily-point';
import { formatNumber, WEEKDAYS } from '../wording';
import { seasonalStrength, WEAK_PATTERN_BELOW } from './seasonal-strength';

export interface SlotIndex<Slot> {
  slot: Slot;
  /** Additive index: how far this slot runs above (+) or below (−) an average slot, in the series' unit. */
  index: number;
}

export interface SeasonalPattern<Slot> {
  indexes: SlotIndex<Slot>[];
  /** 0 (no pattern) … 1 (the pattern explains everything but the trend). */
  strength: number;
  /** True when strength is under 0.3 (or there is too little history to tell). */
  weak: boolean;
  explanation: string;
}

export type Weekday = (typeof WEEKDAYS)[number];

/**
 * Day-of-week indexes by classical additive decomposition (statsmodels `seasonal_decompose(period=7)`):
 * trend = centred 7-day moving average; each weekday's index = the mean of (value − trend) on that
 * weekday, the seven then shifted to sum to zero. Needs two full weeks.
 */
export function dayOfWeekPattern(points: readonly DailyPoint[], label = 'sales'): SeasonalPattern<Weekday> {
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
  return describe(
    WEEKDAYS.map((slot, weekday) => ({ slot, index: byWeekday[weekday] })),
    seasonalStrength(seasonal, remainder),
    label,
    (slot) => `${slot}s`,
    'weekly',
  );
}

export function flat<Slot>(slots: readonly Slot[], explanation: string): SeasonalPattern<Slot> {
  return { indexes: slots.map((slot) => ({ slot, index: 0 })), strength: 0, weak: true, explanation };
}

/** Names the highest and lowest slot and grades the pattern. */
export function describe<Slot>(indexes: SlotIndex<Slot>[], strength: number, label: string, name: (slot: Slot) => string, kind: string): SeasonalPattern<Slot> {
  const weak = strength < WEAK_PATTERN_BELOW;
  const high = indexes.reduce((best, entry) => (entry.index > best.index ? entry : best), indexes[0]);
  const low = indexes.reduce((worst, entry) => (entry.index < worst.index ? entry : worst), indexes[0]);
  const grade = `the ${kind} pattern in ${label} is ${weak ? 'weak' : 'clear'} (strength ${strength.toFixed(2)})`;
  const explanation =
    high.index === low.index
      ? `There is no ${kind} pattern in ${label}.`
      : `Highest: ${name(high.slot)} (${formatNumber(high.index, true)} against an average); lowest: ${name(low.slot)} (${formatNumber(low.index, true)}); ${grade}.`;
  return { indexes, strength, weak, explanation };
}
