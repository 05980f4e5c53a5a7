import { finiteOrNull } from '../finite';
import { ForecastMethod } from './forecast-point';
import { fitHoltWinters, initialHoltWinters, runHoltWinters } from './holt-winters';
import { linearOneStep } from './linear';
import { seasonalNaiveOneStep } from './seasonal-naive';

export interface BacktestScore {
  /** Mean absolute one-step error over the window; null when there is no window. */
  mae: number | null;
  /** MAE ÷ in-sample MAE of the seasonal-naive forecast before the window; null when that scale is 0. */
  mase: number | null;
  /** Mean |error| / |actual| × 100 over the window's non-zero actuals; null when every actual is 0. */
  mape: number | null;
}

export interface Backtest {
  /** Days scored (the last `window` days, at most 28). */
  window: number;
  scores: Record<ForecastMethod, BacktestScore>;
}

export const BACKTEST_DAYS = 28;

/**
 * Rolling-origin backtest: every day t of the last 28 is forecast one step ahead from y(0 … t − 1).
 * The linear line is refitted at each origin; Holt-Winters keeps the smoothing parameters fitted on
 * the data before the window and rolls its state forward (refitting α, β, γ 28 times changes little
 * and costs 28 optimisations). At least two seasons must precede the window.
 */
export function backtest(values: readonly number[], season = 7): Backtest {
  const window = Math.max(0, Math.min(BACKTEST_DAYS, values.length - 2 * season));
  const start = values.length - window;
  const training = values.slice(0, start);
  const holtWinters = runHoltWinters(values, fitHoltWinters(training, season), initialHoltWinters(values, season)).fitted;
  const predictors: Record<ForecastMethod, (t: number) => number> = {
    'seasonal-naive': (t) => seasonalNaiveOneStep(values, t, season),
    linear: (t) => linearOneStep(values, t),
    'holt-winters': (t) => holtWinters[t],
  };
  const scale = naiveScale(training, season);
  const score = (method: ForecastMethod): BacktestScore => {
    if (window === 0) return { mae: null, mase: null, mape: null };
    const errors = values.slice(start).map((actual, index) => ({ actual, error: Math.abs(actual - predictors[method](start + index)) }));
    const mae = errors.reduce((total, { error }) => total + error, 0) / window;
    const nonZero = errors.filter(({ actual }) => actual !== 0);
    const mape =
      nonZero.length === 0 ? null : finiteOrNull((nonZero.reduce((total, { actual, error }) => total + error / Math.abs(actual), 0) / nonZero.length) * 100);
    return { mae: finiteOrNull(mae), mase: scale === 0 ? null : finiteOrNull(mae / scale), mape };
  };
  return { window, scores: { 'seasonal-naive': score('seasonal-naive'), linear: score('linear'), 'holt-winters': score('holt-winters') } };
}

function naiveScale(training: readonly number[], season: number): number {
  const differences = training.slice(season).map((value, index) => Math.abs(value - training[index]));
  return differences.length === 0 ? 0 : differences.reduce((total, difference) => total + difference, 0) / differences.length;
}
