import { alignToDays, chartColumns, daysBetween, type ChartSpec } from './chart-spec';

const base = { label: 'Revenue', formatValue: String };

describe('chartColumns', () => {
  it('puts the days as UTC midnights first, then each series, then the band high and low', () => {
    const spec: ChartSpec = {
      ...base,
      x: { kind: 'day', days: ['2026-11-29', '2026-11-30'] },
      series: [{ label: 'Revenue', values: [10, 20], tone: 1, style: 'line' }],
      band: { label: 'Likely range', low: [8, 15], high: [12, 25] },
    };
    expect(chartColumns(spec)).toEqual([
      [Date.UTC(2026, 10, 29) / 1000, Date.UTC(2026, 10, 30) / 1000],
      [10, 20],
      [12, 25],
      [8, 15],
    ]);
  });

  it('numbers categories from 0', () => {
    const spec: ChartSpec = { ...base, x: { kind: 'category', labels: ['Mon', 'Tue'] }, series: [{ label: 'Index', values: [-1, 2], tone: 2, style: 'bars' }] };
    expect(chartColumns(spec)[0]).toEqual([0, 1]);
  });

  it('refuses a series that does not cover every x', () => {
    const spec: ChartSpec = { ...base, x: { kind: 'category', labels: ['Mon', 'Tue'] }, series: [{ label: 'Index', values: [1], tone: 1, style: 'bars' }] };
    expect(() => chartColumns(spec)).toThrow(RangeError);
  });
});

describe('daysBetween and alignToDays', () => {
  it('lists every day across a month end and DST change, and lines points up on them', () => {
    const days = daysBetween('2026-10-24', '2026-11-02');
    expect(days).toHaveLength(10);
    expect(days.slice(7)).toEqual(['2026-10-31', '2026-11-01', '2026-11-02']);
    expect(alignToDays(days.slice(7), [{ date: '2026-11-01', value: 5 }], (point) => point.value)).toEqual([null, 5, null]);
  });
});
