import { addDays, daysBetween } from './calendar';
import { monthWindows, readsByMonth, splitIntoMonths } from './month-windows';

describe('monthWindows', () => {
  it('covers the span month by month, clipped to its first and last day', () => {
    expect(monthWindows('2025-11-20', '2026-02-03')).toEqual([
      { fromDay: '2025-11-20', toDay: '2025-11-30' },
      { fromDay: '2025-12-01', toDay: '2025-12-31' },
      { fromDay: '2026-01-01', toDay: '2026-01-31' },
      { fromDay: '2026-02-01', toDay: '2026-02-03' },
    ]);
  });

  it('answers one window for a single day', () => {
    expect(monthWindows('2024-02-29', '2024-02-29')).toEqual([{ fromDay: '2024-02-29', toDay: '2024-02-29' }]);
  });
});

describe('splitIntoMonths', () => {
  it('reads the whole months inside a period and the days at its ends', () => {
    expect(splitIntoMonths('2026-09-02', '2026-11-30')).toEqual({
      months: { from: '2026-10-01', to: '2026-11-01' },
      days: [{ from: '2026-09-02', to: '2026-09-30' }],
    });
    expect(splitIntoMonths('2025-12-15', '2026-03-10')).toEqual({
      months: { from: '2026-01-01', to: '2026-02-01' },
      days: [
        { from: '2025-12-15', to: '2025-12-31' },
        { from: '2026-03-01', to: '2026-03-10' },
      ],
    });
    expect(splitIntoMonths('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, days: [] });
  });

  it('answers days only when no whole month fits', () => {
    expect(splitIntoMonths('2026-03-02', '2026-04-30')).toEqual({
      months: { from: '2026-04-01', to: '2026-04-01' },
      days: [{ from: '2026-03-02', to: '2026-03-31' }],
    });
    expect(splitIntoMonths('2026-03-02', '2026-04-29')).toEqual({ months: null, days: [{ from: '2026-03-02', to: '2026-04-29' }] });
    expect(splitIntoMonths('2026-03-01', '2026-03-30')).toEqual({ months: null, days: [{ from: '2026-03-01', to: '2026-03-30' }] });
    expect(splitIntoMonths('2026-03-05', '2026-03-05')).toEqual({ months: null, days: [{ from: '2026-03-05', to: '2026-03-05' }] });
  });

  it('covers every day of the period exactly once', () => {
    for (let start = 0; start < 70; start += 3) {
      for (let length = 1; length < 120; length += 7) {
        const from = addDays('2025-12-20', start);
        const to = addDays(from, length - 1);
        const { months, days } = splitIntoMonths(from, to);
        const covered: string[] = days.flatMap((range) => Array.from({ length: daysBetween(range.from, range.to) }, (_, index) => addDays(range.from, index)));
        if (months) {
          for (let day = months.from; day < nextMonthOf(months.to); day = addDays(day, 1)) covered.push(day);
        }
        expect(covered.sort()).toEqual(Array.from({ length }, (_, index) => addDays(from, index)));
      }
    }
  });
});

describe('readsByMonth', () => {
  it('reads a partial month whole, less its days outside the period, when fewer of them lie outside', () => {
    expect(readsByMonth('2026-09-02', '2026-11-30')).toEqual({
      months: { from: '2026-09-01', to: '2026-11-01' },
      days: [],
      outside: [{ from: '2026-09-01', to: '2026-09-01' }],
    });
    expect(readsByMonth('2025-12-15', '2026-03-10')).toEqual({
      months: { from: '2025-12-01', to: '2026-02-01' },
      days: [{ from: '2026-03-01', to: '2026-03-10' }],
      outside: [{ from: '2025-12-01', to: '2025-12-14' }],
    });
    expect(readsByMonth('2026-03-02', '2026-04-29')).toEqual({
      months: { from: '2026-03-01', to: '2026-04-01' },
      days: [],
      outside: [
        { from: '2026-03-01', to: '2026-03-01' },
        { from: '2026-04-30', to: '2026-04-30' },
      ],
    });
    expect(readsByMonth('2026-03-02', '2026-03-30')).toEqual({
      months: { from: '2026-03-01', to: '2026-03-01' },
      days: [],
      outside: [
        { from: '2026-03-01', to: '2026-03-01' },
        { from: '2026-03-31', to: '2026-03-31' },
      ],
    });
  });

  it('keeps the days when as many or more of the month lie outside', () => {
    expect(readsByMonth('2026-03-20', '2026-04-05')).toEqual({
      months: null,
      days: [
        { from: '2026-03-20', to: '2026-03-31' },
        { from: '2026-04-01', to: '2026-04-05' },
      ],
      outside: [],
    });
    expect(readsByMonth('2026-04-16', '2026-04-30')).toEqual({ months: null, days: [{ from: '2026-04-16', to: '2026-04-30' }], outside: [] });
    expect(readsByMonth('2024-02-01', '2024-02-29')).toEqual({ months: { from: '2024-02-01', to: '2024-02-01' }, days: [], outside: [] });
  });

  it('counts every day of the period once and no other day, reading no more days than splitIntoMonths', () => {
    for (let start = 0; start < 70; start += 3) {
      for (let length = 1; length < 120; length += 5) {
        const from = addDays('2025-12-20', start);
        const to = addDays(from, length - 1);
        const { months, days, outside } = readsByMonth(from, to);
        const times = new Map<string, number>();
        const count = (range: { from: string; to: string }, by: number) => {
          for (let day = range.from; day <= range.to; day = addDays(day, 1)) times.set(day, (times.get(day) ?? 0) + by);
        };
        if (months) count({ from: months.from, to: addDays(nextMonthOf(months.to), -1) }, 1);
        days.forEach((range) => count(range, 1));
        outside.forEach((range) => count(range, -1));
        const counted = [...times].filter(([, by]) => by !== 0);
        expect([from, to, counted.sort()]).toEqual([from, to, Array.from({ length }, (_, index) => [addDays(from, index), 1])]);
        const read = [...days, ...outside].reduce((sum, range) => sum + daysBetween(range.from, range.to), 0);
        expect(read).toBeLessThanOrEqual(splitIntoMonths(from, to).days.reduce((sum, range) => sum + daysBetween(range.from, range.to), 0));
      }
    }
  });
});

const nextMonthOf = (first: string) => addDays(first, 32).slice(0, 8) + '01';
