import type { ForecastPoint, Trend } from '../analytics-requests';
import { alignToDays, daysBetween, type ChartSpec } from '../chart/chart-spec';

/** History and forecast on one axis: the days of `history`, then the forecast's, with the band over the forecast days. */
export function forecastSpec(history: Trend, forecast: { points: readonly ForecastPoint[] }, label: string, write: (value: number) => string): ChartSpec {
  const last = forecast.points.at(-1)?.date ?? history.to;
  const days = daysBetween(history.series[0]?.date ?? history.from, last > history.to ? last : history.to);
  return {
    label,
    x: { kind: 'day', days },
    series: [
      { label: 'Actual', values: alignToDays(days, history.series, (point) => point.value), tone: 1, style: 'line' },
      { label: 'Forecast', values: alignToDays(days, forecast.points, (point) => point.value), tone: 2, style: 'dashed' },
    ],
    band: {
      label: 'Forecast range',
      low: alignToDays(days, forecast.points, (point) => point.low),
      high: alignToDays(days, forecast.points, (point) => point.high),
    },
    formatValue: write,
  };
}

export interface ForecastRow {
  date: string;
  actual: number | null;
  forecast: number | null;
  low: number | null;
  high: number | null;
}

/** The chart's figures day by day: what was sold, and over the forecast days the forecast and its range. */
export function forecastRows(history: Trend, forecast: { points: readonly ForecastPoint[] }): ForecastRow[] {
  const spec = forecastSpec(history, forecast, '', String);
  const days = spec.x.kind === 'day' ? spec.x.days : [];
  return days.map((date, index) => ({
    date,
    actual: spec.series[0].values[index],
    forecast: spec.series[1].values[index],
    low: spec.band?.low[index] ?? null,
    high: spec.band?.high[index] ?? null,
  }));
}

export interface BacktestRow {
  method: string;
  mae: number;
  mase: number;
  mape: number | null;
}

/** The backtest's scores per method; the answer types it loosely (`object`), so read it with care. */
export function backtestRows(backtest: object): BacktestRow[] {
  const scores = (backtest as { scores?: Record<string, { mae?: number; mase?: number; mape?: number | null }> }).scores ?? {};
  return Object.entries(scores).map(([method, score]) => ({ method, mae: score.mae ?? NaN, mase: score.mase ?? NaN, mape: score.mape ?? null }));
}
