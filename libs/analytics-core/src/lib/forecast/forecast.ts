import { ExplanationOptions, formatNumber, plainNumber } from '../wording';
import { Backtest, backtest } from './backtest';
import { ForecastMethod, ForecastPoint, METHOD_NAMES } from './forecast-point';
import { fitHoltWinters, forecastHoltWinters, HoltWintersParameters, initialHoltWinters } from './holt-winters';
import { linearForecast } from './linear';
import { seasonalNaiveForecast } from './seasonal-naive';

export interface ForecastOptions extends Omit<ExplanationOptions, 'label'> {
  /** Days to forecast. Default 14. */
  horizon?: number;
  /** Prediction interval coverage. Default 0.95. */
  confidence?: number;
}

export interface Forecast {
  horizon: number;
  methods: Record<ForecastMethod, ForecastPoint[]>;
  holtWintersParameters: HoltWintersParameters;
  backtest: Backtest;
  /** The method with the lowest backtest MASE (by MAE when MASE is unknown; seasonal naive without a backtest). */
  best: ForecastMethod;
  /** Why `best` was chosen, in words. */
  reason: string;
  explanation: string;
}

// Listed from simplest to most elaborate: on a tie the simpler method wins.
const METHODS: ForecastMethod[] = ['seasonal-naive', 'linear', 'holt-winters'];
const SEASON = 7;

/** Forecasts the next `horizon` days of a daily series by three methods and picks one by backtest. */
export function forecast(values: readonly number[], options: ForecastOptions = {}): Forecast {
  const { horizon = 14, confidence = 0.95, format = plainNumber } = options;
  const holtWintersParameters = fitHoltWinters(values, SEASON);
  const methods: Record<ForecastMethod, ForecastPoint[]> = {
    'seasonal-naive': seasonalNaiveForecast(values, horizon, SEASON, confidence),
    linear: linearForecast(values, horizon, confidence),
    'holt-winters': forecastHoltWinters(values, horizon, holtWintersParameters, initialHoltWinters(values, SEASON), confidence),
  };
  const scored = backtest(values, SEASON);
  const { best, reason } = chooseBest(scored, values.length);
  const total = methods[best].reduce((sum, point) => sum + point.value, 0);
  return {
    horizon,
    methods,
    holtWintersParameters,
    backtest: scored,
    best,
    reason,
    explanation: `The next ${horizon} days should bring about ${format(total)} in total by ${METHOD_NAMES[best]}: ${reason}`,
  };
}

function chooseBest(scored: Backtest, days: number): { best: ForecastMethod; reason: string } {
  for (const metric of ['mase', 'mae'] as const) {
    const ranked = METHODS.filter((method) => scored.scores[method][metric] !== null).sort(
      (a, b) => (scored.scores[a][metric] ?? 0) - (scored.scores[b][metric] ?? 0),
    );
    if (ranked.length === 0) continue;
    const [best, ...others] = ranked;
    const describe = (method: ForecastMethod) => `${formatNumber(scored.scores[method][metric] ?? 0)} for ${METHOD_NAMES[method]}`;
    return {
      best,
      reason: `it had the lowest one-step ${metric.toUpperCase()} over the last ${scored.window} days (${formatNumber(scored.scores[best][metric] ?? 0)}, against ${others.map(describe).join(' and ')}).`,
    };
  }
  return {
    best: 'seasonal-naive',
    reason: `with ${days} days of history there is too little to backtest (a backtest needs more than ${2 * SEASON}), so it repeats the last week.`,
  };
}
