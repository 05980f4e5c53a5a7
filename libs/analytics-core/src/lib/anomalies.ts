import { DailyPoint, weekdayOf } from './daily-point';
import { finiteOrNull } from './finite';
import { fitLeastSquares } from './least-squares';
import { median } from './statistics';
import { ExplanationOptions, plainNumber, WEEKDAYS } from './wording';

export type AnomalyMethod = 'z-score' | 'robust';

export interface AnomalyOptions extends ExplanationOptions {
  /** `z-score` (mean and standard deviation) or `robust` (median and MAD). Default `z-score`. */
  method?: AnomalyMethod;
  /** Flag days whose score's magnitude exceeds this. Default 2.0 for z-score, 3.5 for robust. */
  threshold?: number;
}

export interface Anomaly {
  date: string;
  value: number;
  /** Trend plus the usual level for that weekday. */
  expected: number;
  /** Residual in standard deviations (robust: MAD-based, 0.6745·r/MAD). */
  score: number;
  direction: 'above' | 'below';
  explanation: string;
}

export interface AnomalyReport {
  method: AnomalyMethod;
  threshold: number;
  anomalies: Anomaly[];
  explanation: string;
}

const DEFAULT_THRESHOLD: Record<AnomalyMethod, number> = { 'z-score': 2, robust: 3.5 };
// 0.6745 = Φ⁻¹(0.75): makes MAD-based scores comparable with z-scores on normal data (Iglewicz–Hoaglin).
const MAD_TO_SIGMA = 0.6745;

/**
 * Days that stand out once the trend and the weekly pattern are removed (see `usualLevels`). z-score
 * divides the residuals by their standard deviation; robust scores 0.6745·(r − median r)/MAD. A spread
 * of 0 flags nothing.
 */
export function anomalies(points: readonly DailyPoint[], options: AnomalyOptions = {}): AnomalyReport {
  const { method = 'z-score', label = 'sales', format = plainNumber } = options;
  const threshold = options.threshold ?? DEFAULT_THRESHOLD[method];
  const expected = usualLevels(points, method);
  const residuals = points.map((point, t) => point.value - expected[t]);
  const scores = method === 'robust' ? robustScores(residuals) : zScores(residuals);
  if (scores === null) {
    const spread = method === 'robust' ? 'median absolute deviation' : 'standard deviation';
    return { method, threshold, anomalies: [], explanation: `No day can stand out: the ${spread} of ${label} around the usual weekly pattern is 0.` };
  }
  const found = points.flatMap((point, t): Anomaly[] => {
    const score = scores[t];
    if (Math.abs(score) <= threshold) return [];
    const direction = score > 0 ? 'above' : 'below';
    const weekday = WEEKDAYS[weekdayOf(point.date)];
    return [
      {
        date: point.date,
        value: point.value,
        expected: expected[t],
        score,
        direction,
        explanation: `${weekday} ${point.date} was ${Math.abs(score).toFixed(1)}σ ${direction} the usual ${label} for a ${weekday} (${format(point.value)} against about ${format(expected[t])}).`,
      },
    ];
  });
  const explanation =
    found.length === 0
      ? `No day in ${points.length} stood out by more than ${threshold}σ from the usual level for its weekday.`
      : `${found.length} of ${points.length} days stood out by more than ${threshold}σ from the usual level for their weekday; the largest: ${largest(found).explanation}`;
  return { method, threshold, anomalies: found, explanation };
}

/**
 * Each day's usual level = trend + its weekday's level. The weekday levels are taken first (so the
 * line is not bent by the weekly shape), the trend is fitted to the values without them, and the
 * weekday levels are taken again around that trend. z-score: means and an OLS line; robust: medians
 * and a Theil–Sen line, which a single spike cannot move.
 */
function usualLevels(points: readonly DailyPoint[], method: AnomalyMethod): number[] {
  const weekdays = points.map((point) => weekdayOf(point.date));
  const locate = method === 'robust' ? (values: number[]) => median(values) : (values: number[]) => values.reduce((a, b) => a + b, 0) / values.length;
  const weekdayLevels = (values: readonly number[]) =>
    WEEKDAYS.map((_, weekday) => {
      const sameDay = values.filter((_, t) => weekdays[t] === weekday);
      return sameDay.length === 0 ? 0 : locate(sameDay);
    });
  const values = points.map((point) => point.value);
  const first = weekdayLevels(values);
  const deseasonalised = values.map((value, t) => value - first[weekdays[t]]);
  const line = method === 'robust' ? theilSen(deseasonalised) : fitLeastSquares(deseasonalised);
  const trend = values.map((_, t) => line.intercept + line.slope * t);
  const usual = weekdayLevels(values.map((value, t) => value - trend[t]));
  return trend.map((level, t) => level + usual[weekdays[t]]);
}

/** Theil–Sen line: the median of all pairwise slopes, intercept the median of y − slope·t. */
function theilSen(values: readonly number[]): { intercept: number; slope: number } {
  if (values.length < 2) return { intercept: values[0] ?? 0, slope: 0 };
  const slopes: number[] = [];
  for (let i = 0; i < values.length; i++) for (let j = i + 1; j < values.length; j++) slopes.push((values[j] - values[i]) / (j - i));
  const slope = median(slopes);
  return { intercept: median(values.map((value, t) => value - slope * t)), slope };
}

function zScores(residuals: readonly number[]): number[] | null {
  if (residuals.length < 3) return null;
  const average = residuals.reduce((total, value) => total + value, 0) / residuals.length;
  const deviation = Math.sqrt(residuals.reduce((total, value) => total + (value - average) ** 2, 0) / (residuals.length - 1));
  return spreadToScores(residuals, average, deviation);
}

function robustScores(residuals: readonly number[]): number[] | null {
  if (residuals.length < 3) return null;
  const centre = median([...residuals]);
  const mad = median(residuals.map((value) => Math.abs(value - centre)));
  return spreadToScores(residuals, centre, mad / MAD_TO_SIGMA);
}

/** Scores (r − centre) / spread; null when the spread is 0 or too small to divide by. */
function spreadToScores(residuals: readonly number[], centre: number, spread: number): number[] | null {
  if (!(spread > 0)) return null;
  const scores = residuals.map((value) => finiteOrNull((value - centre) / spread));
  return scores.every((score): score is number => score !== null) ? scores : null;
}

function largest(found: readonly Anomaly[]): Anomaly {
  return found.reduce((top, anomaly) => (Math.abs(anomaly.score) > Math.abs(top.score) ? anomaly : top));
}
