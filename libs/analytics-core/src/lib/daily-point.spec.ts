import { fillDays, weekdayOf } from './daily-point';

describe('daily points', () => {
  it('fills every day of the range, summing rows and putting 0 where a day has none', () => {
    const rows = [
      { date: '2026-03-28', value: 5 },
      { date: '2026-03-30', value: 2 },
      { date: '2026-03-30', value: 3 },
      { date: '2026-04-05', value: 9 },
    ];
    expect(fillDays(rows, '2026-03-28', '2026-03-31')).toEqual([
      { date: '2026-03-28', value: 5 },
      { date: '2026-03-29', value: 0 },
      { date: '2026-03-30', value: 5 },
      { date: '2026-03-31', value: 0 },
    ]);
  });

  it('neither drops nor repeats the day the clocks change', () => {
    const days = fillDays([], '2026-10-24', '2026-10-27').map((point) => point.date);
    expect(days).toEqual(['2026-10-24', '2026-10-25', '2026-10-26', '2026-10-27']);
  });

  it('is empty when the range is backwards', () => {
    expect(fillDays([], '2026-01-02', '2026-01-01')).toEqual([]);
  });

  it('numbers weekdays from Monday', () => {
    expect(['2026-01-05', '2026-01-10', '2026-01-11'].map(weekdayOf)).toEqual([0, 5, 6]);
  });
});
