import type { Trend } from '../analytics-requests';
import { backtestRows, forecastRows, forecastSpec } from './forecast-figures';

const history = {
  from: '2026-11-27',
  to: '2026-11-29',
  series: [
    { date: '2026-11-27', value: 100 },
    { date: '2026-11-28', value: 120 },
    { date: '2026-11-29', value: 90 },
  ],
} as Trend;
const forecast = {
  points: [
    { date: '2026-11-29', value: 95, low: 80, high: 110 },
    { date: '2026-11-30', value: 105, low: 85, high: 125 },
  ],
};

describe('forecastSpec and forecastRows', () => {
  it('puts history and forecast on one run of days, the band only over the forecast days', () => {
    const spec = forecastSpec(history, forecast, 'Revenue', String);
    expect(spec.x).toEqual({ kind: 'day', days: ['2026-11-27', '2026-11-28', '2026-11-29', '2026-11-30'] });
    expect(spec.series.map((series) => series.values)).toEqual([
      [100, 120, 90, null],
      [null, null, 95, 105],
    ]);
    expect(spec.band).toMatchObject({ low: [null, null, 80, 85], high: [null, null, 110, 125] });
  });

  it('gives the table the same figures as the chart, day by day', () => {
    expect(forecastRows(history, forecast).slice(2)).toEqual([
      { date: '2026-11-29', actual: 90, forecast: 95, low: 80, high: 110 },
      { date: '2026-11-30', actual: null, forecast: 105, low: 85, high: 125 },
    ]);
  });
});

describe('backtestRows', () => {
  it('lists each method’s errors from the backtest', () => {
    const rows = backtestRows({ window: 28, scores: { linear: { mae: 12, mase: 1.4, mape: 25 }, 'holt-winters': { mae: 8, mase: 0.9, mape: null } } });
    expect(rows).toEqual([
      { method: 'linear', mae: 12, mase: 1.4, mape: 25 },
      { method: 'holt-winters', mae: 8, mase: 0.9, mape: null },
    ]);
    expect(backtestRows({})).toEqual([]);
  });
});
