'use client';
import { useMemo } from 'react';
import { FigureTable, useShopFormat, type FigureTableColumn } from '@kassa/web/ui';
import type { AnalyticsFilters } from '../analytics-filters';
import { useAnomalies, useForecast, useTrend, type Anomalies, type Metric, type Trend } from '../analytics-requests';
import { Explanation, Figures, METRIC_LABELS, metricFormat } from '../analysis-parts';
import { Chart } from '../chart/chart';
import { alignToDays, type ChartSpec } from '../chart/chart-spec';
import { backtestRows, forecastRows, forecastSpec, type ForecastRow } from './forecast-figures';
import styles from '../analytics.module.css';

interface MetricScreenProps {
  filters: AnalyticsFilters;
  metric: Metric;
}

const noSales = (series: readonly { value: number }[]) => series.every((point) => point.value === 0);
const NO_SALES = {
  title: 'No sales in these days yet',
  description: 'Once the shop sells, this shows each day’s figure, the line it follows and whether it is rising or falling against the period before.',
};

export function TrendScreen({ filters, metric }: MetricScreenProps) {
  const trend = useTrend(filters, metric);
  const format = useShopFormat();
  const write = metricFormat(metric, format);
  return (
    <Figures query={trend} isEmpty={(data) => noSales(data.series)} teaching={NO_SALES}>
      {(data) => (
        <section className={styles.panel} aria-labelledby="trend-heading">
          <h2 id="trend-heading">{METRIC_LABELS[metric]} per day</h2>
          <Explanation text={data.explanation} />
          <Chart
            spec={trendSpec(data, metric, write)}
            table={{
              caption: `${METRIC_LABELS[metric]} per day`,
              columns: dayColumns(format.day, write, METRIC_LABELS[metric]),
              rows: data.series,
              rowKey: (point) => point.date,
            }}
          />
        </section>
      )}
    </Figures>
  );
}

function trendSpec(data: Trend, metric: Metric, write: (value: number) => string): ChartSpec {
  return {
    label: `${METRIC_LABELS[metric]} per day from ${data.from} to ${data.to}, with its least-squares line`,
    x: { kind: 'day', days: data.series.map((point) => point.date) },
    series: [
      { label: METRIC_LABELS[metric], values: data.series.map((point) => point.value), tone: 1, style: 'line' },
      { label: 'Trend line', values: data.series.map((_, index) => data.intercept + data.slope * index), tone: 2, style: 'dashed' },
    ],
    formatValue: write,
  };
}

const dayColumns = (day: (value: string) => string, write: (value: number) => string, header: string): FigureTableColumn<{ date: string; value: number }>[] => [
  { id: 'date', header: 'Day', cell: (point) => day(point.date) },
  { id: 'value', header, cell: (point) => write(point.value), align: 'end' },
];

export const forecastColumns = (day: (value: string) => string, write: (value: number) => string): FigureTableColumn<ForecastRow>[] => {
  const cell = (value: number | null) => (value === null ? '—' : write(value));
  return [
    { id: 'date', header: 'Day', cell: (row) => day(row.date) },
    { id: 'actual', header: 'Actual', cell: (row) => cell(row.actual), align: 'end' },
    { id: 'forecast', header: 'Forecast', cell: (row) => cell(row.forecast), align: 'end' },
    { id: 'low', header: 'Range low', cell: (row) => cell(row.low), align: 'end' },
    { id: 'high', header: 'Range high', cell: (row) => cell(row.high), align: 'end' },
  ];
};

const METHOD_NAMES: Record<string, string> = { 'seasonal-naive': 'Seasonal naive', linear: 'Linear trend', 'holt-winters': 'Holt-Winters' };

export function ForecastScreen({ filters, metric }: MetricScreenProps) {
  const forecast = useForecast(filters, metric);
  // The last 8 weeks of the period lead into the forecast.
  const history = useTrend({ ...filters, from: filters.from > shift(filters.to, -55) ? filters.from : shift(filters.to, -55) }, metric);
  const format = useShopFormat();
  const write = metricFormat(metric, format);
  return (
    <Figures
      query={forecast}
      isEmpty={(data) => data.points.length === 0 || (history.data !== undefined && noSales(history.data.series))}
      teaching={NO_FORECAST}
    >
      {(data) => (
        <>
          <section className={styles.panel} aria-labelledby="forecast-heading">
            <h2 id="forecast-heading">The next {data.horizon} days</h2>
            <Explanation text={data.explanation} />
            <Chart
              spec={
                history.data ? forecastSpec(history.data, data, `${METRIC_LABELS[metric]}: the last weeks and the forecast with its range`, write) : undefined
              }
              table={{
                caption: `${METRIC_LABELS[metric]}: actual and forecast by ${METHOD_NAMES[data.best] ?? data.best}`,
                columns: forecastColumns(format.day, write),
                rows: history.data ? forecastRows(history.data, data) : [],
                rowKey: (row) => row.date,
              }}
            />
          </section>
          <BacktestTable data={data} write={write} />
        </>
      )}
    </Figures>
  );
}

const shift = (day: string, days: number) => new Date(Date.parse(`${day}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

const NO_FORECAST = {
  title: 'Nothing to forecast from yet',
  description: 'After a few weeks of sales this shows the coming days with the range to expect, and how three methods did on the last 28 days.',
};

function BacktestTable({ data, write }: { data: { best: string; reason: string; backtest: object }; write: (value: number) => string }) {
  const format = useShopFormat();
  const rows = useMemo(() => backtestRows(data.backtest), [data.backtest]);
  return (
    <section className={styles.panel} aria-labelledby="backtest-heading">
      <h2 id="backtest-heading">How each method did on the last 28 days</h2>
      <p className={styles.muted}>
        {METHOD_NAMES[data.best] ?? data.best} is used: {data.reason}
      </p>
      {/* The backtest is a table in its own right, with no chart: always shown. */}
      <FigureTable
        caption="Backtest errors by method (one day ahead)"
        rows={rows}
        rowKey={(row) => row.method}
        columns={[
          { id: 'method', header: 'Method', cell: (row) => `${METHOD_NAMES[row.method] ?? row.method}${row.method === data.best ? ' (used)' : ''}` },
          { id: 'mae', header: 'Mean absolute error', cell: (row) => write(row.mae), align: 'end' },
          { id: 'mase', header: 'MASE', cell: (row) => format.number(row.mase, { maximumFractionDigits: 2 }), align: 'end' },
          { id: 'mape', header: 'MAPE', cell: (row) => (row.mape === null ? '—' : `${format.number(row.mape, { maximumFractionDigits: 1 })}%`), align: 'end' },
        ]}
      />
    </section>
  );
}

export function AnomaliesScreen({ filters, metric }: MetricScreenProps) {
  const anomalies = useAnomalies(filters, metric);
  const trend = useTrend(filters, metric);
  const format = useShopFormat();
  const write = metricFormat(metric, format);
  return (
    <Figures query={anomalies} isEmpty={() => trend.data !== undefined && noSales(trend.data.series)} teaching={NO_SALES}>
      {(data) => (
        <section className={styles.panel} aria-labelledby="anomalies-heading">
          <h2 id="anomalies-heading">Days that stood out</h2>
          <Explanation text={data.explanation} />
          <Chart
            spec={trend.data ? anomalySpec(trend.data, data, metric, write) : undefined}
            table={{
              caption: 'Days that stood out',
              columns: anomalyColumns(format.day, write),
              rows: data.anomalies,
              rowKey: (row) => row.date,
              empty: 'No day stood out.',
            }}
          />
          {data.anomalies.length > 0 && (
            <ul className={styles.sentences} aria-label="Each day in words">
              {data.anomalies.map((anomaly) => (
                <li key={anomaly.date}>{anomaly.explanation}</li>
              ))}
            </ul>
          )}
        </section>
      )}
    </Figures>
  );
}

function anomalySpec(trend: Trend, data: Anomalies, metric: Metric, write: (value: number) => string): ChartSpec {
  const days = trend.series.map((point) => point.date);
  return {
    label: `${METRIC_LABELS[metric]} per day with the days that stood out marked`,
    x: { kind: 'day', days },
    series: [
      { label: METRIC_LABELS[metric], values: trend.series.map((point) => point.value), tone: 1, style: 'line' },
      { label: 'Stood out', values: alignToDays(days, data.anomalies, (point) => point.value), tone: 2, style: 'points' },
      { label: 'Usual for the weekday', values: alignToDays(days, data.anomalies, (point) => point.expected), tone: 3, style: 'points' },
    ],
    formatValue: write,
  };
}

const anomalyColumns = (day: (value: string) => string, write: (value: number) => string): FigureTableColumn<Anomalies['anomalies'][number]>[] => [
  { id: 'date', header: 'Day', cell: (row) => day(row.date) },
  { id: 'value', header: 'Figure', cell: (row) => write(row.value), align: 'end' },
  { id: 'expected', header: 'Usual', cell: (row) => write(row.expected), align: 'end' },
  { id: 'score', header: 'Score (σ)', cell: (row) => row.score.toFixed(1), align: 'end' },
  { id: 'direction', header: 'Direction', cell: (row) => row.direction },
];
