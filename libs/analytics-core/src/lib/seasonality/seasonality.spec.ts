import fc from 'fast-check';
import reference from '../../../reference/statsmodels.json';
import { expectAllFinite } from '../../test-support/expect-finite';
import { dailySeries, SHOP_WEEK } from '../../test-support/generated-series';
import { DailyPoint } from '../daily-point';
import { dayOfWeekPattern } from './day-of-week';
import { hourOfDayProfile, HourlyPoint } from './hour-of-day';
import { monthOfYearPattern } from './month-of-year';

/** Consecutive local days starting on `first`. */
function days(values: readonly number[], first = '2026-01-05'): DailyPoint[] {
  const start = Date.parse(`${first}T00:00:00Z`);
  return values.map((value, t) => ({ date: new Date(start + t * 86_400_000).toISOString().slice(0, 10), value }));
}

const indexOf = <Slot>(pattern: { indexes: { slot: Slot; index: number }[] }, slot: Slot) => pattern.indexes.find((entry) => entry.slot === slot)?.index;

describe('day-of-week pattern', () => {
  it('matches statsmodels seasonal_decompose(period=7, additive) to 1e-6', () => {
    const { y, seasonal7 } = reference.seasonalDecompose;
    const sut = dayOfWeekPattern(days(y, '2026-01-05'));
    sut.indexes.forEach(({ index }, weekday) => expect(Math.abs(index - seasonal7[weekday])).toBeLessThan(1e-6));
  });

  it('maps positions to weekdays when the series starts mid-week', () => {
    const { y, seasonal7 } = reference.seasonalDecompose;
    const sut = dayOfWeekPattern(days(y, '2026-01-08'));
    expect(indexOf(sut, 'Thursday')).toBeCloseTo(seasonal7[0], 9);
    expect(indexOf(sut, 'Wednesday')).toBeCloseTo(seasonal7[6], 9);
  });

  it('recovers a pure weekly pattern as its indexes, with full strength', () => {
    const sut = dayOfWeekPattern(days(dailySeries(56, { weekly: SHOP_WEEK })));
    sut.indexes.forEach(({ index }, weekday) => expect(index).toBeCloseTo(SHOP_WEEK[weekday] - 0, 9));
    expect(sut.strength).toBeCloseTo(1, 9);
    expect(sut.weak).toBe(false);
    expect(sut.explanation).toBe(
      'Highest: Saturdays (+35.00 against an average); lowest: Tuesdays (-15.00); the weekly pattern in sales is clear (strength 1.00).',
    );
  });

  it('flags a pattern buried in noise as weak', () => {
    const sut = dayOfWeekPattern(days(dailySeries(84, { weekly: [0, 0, 0, 0, 0, 1, 0], noise: 40 })));
    expect(sut.weak).toBe(true);
  });

  it('needs two full weeks', () => {
    const sut = dayOfWeekPattern(days([1, 2, 3]));
    expect(sut.weak).toBe(true);
    expect(sut.explanation).toContain('at least two full weeks');
  });
});

describe('month-of-year pattern', () => {
  // Worked example: three years whose level doubles and triples, December +50 a day, every other month 0.
  // Each year's mean daily value per month minus the mean of its months is 50 − 50/12 for December
  // and −50/12 elsewhere, whatever the year's level; averaged over years and centred it stays so.
  const threeYears = ['2023', '2024', '2025'].flatMap((year, offset) => {
    const points: DailyPoint[] = [];
    for (let day = Date.parse(`${year}-01-01T00:00:00Z`); new Date(day).getUTCFullYear() === Number(year); day += 86_400_000) {
      const date = new Date(day).toISOString().slice(0, 10);
      points.push({ date, value: 100 * (offset + 1) + (date.slice(5, 7) === '12' ? 50 : 0) });
    }
    return points;
  });

  it('gives December 50 − 50/12 and every other month −50/12, whatever each year’s level', () => {
    const sut = monthOfYearPattern(threeYears);
    expect(indexOf(sut, 'December')).toBeCloseTo(50 - 50 / 12, 9);
    for (const month of ['January', 'June', 'November'] as const) expect(indexOf(sut, month)).toBeCloseTo(-50 / 12, 9);
    expect(sut.strength).toBeCloseTo(1, 9);
    expect(sut.explanation).toContain('Highest: December');
  });

  it('needs at least two months of the year', () => {
    expect(monthOfYearPattern(days([5, 6, 7], '2026-03-01')).weak).toBe(true);
  });
});

describe('hour-of-day profile', () => {
  const hourly: HourlyPoint[] = ['2026-03-02', '2026-03-03'].flatMap((date) => [
    { date, hour: 9, value: 10 },
    { date, hour: 12, value: 30 },
    { date, hour: 17, value: 20 },
  ]);

  it('gives each hour its average per day and its share of the total', () => {
    const sut = hourOfDayProfile(hourly);
    expect(sut.profile[12]).toEqual({ hour: 12, averagePerDay: 30, share: 0.5 });
    expect(sut.profile[3]).toEqual({ hour: 3, averagePerDay: 0, share: 0 });
    expect(sut.explanation).toContain('Highest: 12:00–13:00');
    expect(sut.strength).toBeCloseTo(1, 9);
  });
});

describe('seasonality edge cases', () => {
  it.each([
    ['empty', []],
    ['single-point', [9]],
    ['all-zero', new Array<number>(400).fill(0)],
  ])('handles %s input without a pattern', (_, values) => {
    const points = days(values);
    for (const sut of [dayOfWeekPattern(points), monthOfYearPattern(points), hourOfDayProfile(points.map(({ date, value }) => ({ date, hour: 10, value })))]) {
      expect(sut.weak).toBe(true);
      expectAllFinite(sut);
    }
  });

  it('never returns NaN or Infinity', () => {
    const values = fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 80 });
    fc.assert(
      fc.property(values, fc.integer({ min: 0, max: 23 }), (series, hour) => {
        const points = days(series, '2025-12-20');
        expectAllFinite(dayOfWeekPattern(points));
        expectAllFinite(monthOfYearPattern(points));
        expectAllFinite(hourOfDayProfile(points.map(({ date, value }, t) => ({ date, hour: (hour + t) % 24, value }))));
      }),
      { numRuns: 60 },
    );
  });
});
