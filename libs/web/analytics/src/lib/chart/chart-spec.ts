import { dayToChartX } from '../calendar-day';

/** Which chart token a series is drawn with (`--chart-1` …); each also has its own line style, so colour is never the only cue. */
export type ChartTone = 1 | 2 | 3;

export interface ChartSeries {
  label: string;
  values: readonly (number | null)[];
  tone: ChartTone;
  /** `line` solid, `dashed` a fitted or forecast line, `bars`, `points` marked days only. */
  style: 'line' | 'dashed' | 'bars' | 'points';
}

/** A chart as data: the x axis (days or named categories), its series, an optional band (a forecast interval), and how to write a y value. */
export interface ChartSpec {
  /** Read out in place of the picture (`Revenue per day, 8 weeks, with the forecast`). */
  label: string;
  x: { kind: 'day'; days: readonly string[] } | { kind: 'category'; labels: readonly string[] };
  series: readonly ChartSeries[];
  band?: { label: string; low: readonly (number | null)[]; high: readonly (number | null)[] };
  formatValue(value: number): string;
}

/** uPlot's columns: x first, then each series, then the band's high and low (drawn as a filled area between them). */
export function chartColumns(spec: ChartSpec): (number | null)[][] {
  const xs = spec.x.kind === 'day' ? spec.x.days.map(dayToChartX) : spec.x.labels.map((_, index) => index);
  const columns: (number | null)[][] = [xs, ...spec.series.map((series) => [...series.values])];
  if (spec.band) columns.push([...spec.band.high], [...spec.band.low]);
  const ragged = columns.find((column) => column.length !== xs.length);
  if (ragged) throw new RangeError(`every chart column needs ${xs.length} values, one has ${ragged.length}`);
  return columns;
}

/** Days from `first` to `last` inclusive, for lining up series that cover different days (history and forecast). */
export function daysBetween(first: string, last: string): string[] {
  const days: string[] = [];
  for (let x = dayToChartX(first); x <= dayToChartX(last); x += 86_400) days.push(new Date(x * 1000).toISOString().slice(0, 10));
  return days;
}

/** The values of `points` on `days` (null where a day has none). */
export function alignToDays<T extends { date: string }>(days: readonly string[], points: readonly T[], pick: (point: T) => number): (number | null)[] {
  const byDay = new Map(points.map((point) => [point.date, pick(point)]));
  return days.map((day) => byDay.get(day) ?? null);
}
