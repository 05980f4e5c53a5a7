import { ForecastPoint, normalMultiplier, pointWithin } from './forecast-point';
import { minimiseInUnitCube } from './nelder-mead';

/** Smoothing parameters in statsmodels' convention (smoothing_level, smoothing_trend, smoothing_seasonal). */
export interface HoltWintersParameters {
  alpha: number;
  beta: number;
  gamma: number;
}

/** State before the first observation; `seasonal[j]` is the seasonal term used for observation j. */
export interface HoltWintersInitial {
  level: number;
  trend: number;
  seasonal: readonly number[];
}

export interface HoltWintersRun {
  /** One-step forecasts: fitted[t] uses only y(0 … t − 1). */
  fitted: number[];
  level: number;
  trend: number;
  /** Seasonal terms indexed by t mod m, after the last observation. */
  seasonal: number[];
  squaredError: number;
}

/**
 * Additive Holt-Winters (error-correction form, as statsmodels' ExponentialSmoothing):
 *   ŷ(t) = l + b + s(t mod m)
 *   l' = α (y − s) + (1 − α)(l + b);  b' = β (l' − l) + (1 − β) b;  s' = γ (y − l − b) + (1 − γ) s.
 */
export function runHoltWinters(values: readonly number[], parameters: HoltWintersParameters, initial: HoltWintersInitial): HoltWintersRun {
  const { alpha, beta, gamma } = parameters;
  const season = initial.seasonal.length;
  const seasonal = [...initial.seasonal];
  let level = initial.level;
  let trend = initial.trend;
  let squaredError = 0;
  const fitted = values.map((value, t) => {
    const index = t % season;
    const prediction = level + trend + seasonal[index];
    squaredError += (value - prediction) ** 2;
    const nextLevel = alpha * (value - seasonal[index]) + (1 - alpha) * (level + trend);
    seasonal[index] = gamma * (value - level - trend) + (1 - gamma) * seasonal[index];
    trend = beta * (nextLevel - level) + (1 - beta) * trend;
    level = nextLevel;
    return prediction;
  });
  return { fitted, level, trend, seasonal, squaredError };
}

/**
 * Starting state from the first two seasons: level = mean of season 1, trend = (mean of season 2 −
 * mean of season 1) / m, seasonal = season 1 − level (statsmodels' "simple" initialisation). With
 * less history the trend starts at 0 and, under one season, the seasonal terms too.
 */
export function initialHoltWinters(values: readonly number[], season = 7): HoltWintersInitial {
  const average = (part: readonly number[]) => (part.length === 0 ? 0 : part.reduce((total, value) => total + value, 0) / part.length);
  if (values.length < season) return { level: average(values), trend: 0, seasonal: new Array<number>(season).fill(0) };
  const first = values.slice(0, season);
  const level = average(first);
  const trend = values.length >= 2 * season ? (average(values.slice(season, 2 * season)) - level) / season : 0;
  return { level, trend, seasonal: first.map((value) => value - level) };
}

/** α, β, γ in [0, 1] minimising the one-step sum of squared errors: a coarse grid, then Nelder–Mead. */
export function fitHoltWinters(values: readonly number[], season = 7): HoltWintersParameters {
  const initial = initialHoltWinters(values, season);
  const cost = ([alpha, beta, gamma]: number[]) => runHoltWinters(values, { alpha, beta, gamma }, initial).squaredError;
  let start = [0.5, 0.1, 0.1];
  let startCost = cost(start);
  const grid = [0.05, 0.2, 0.4, 0.6, 0.8, 0.95];
  for (const alpha of grid)
    for (const beta of grid)
      for (const gamma of grid) {
        const trial = cost([alpha, beta, gamma]);
        if (trial < startCost) [start, startCost] = [[alpha, beta, gamma], trial];
      }
  const [alpha, beta, gamma] = minimiseInUnitCube(cost, start);
  return { alpha, beta, gamma };
}

/**
 * h-step forecasts l + h·b + s, with the additive ETS(A,A,A) interval:
 * σ² [1 + Σ_{j<h} (α(1 + jβ) + γ·[j mod m = 0])²], σ² = one-step SSE / n.
 */
export function forecastHoltWinters(
  values: readonly number[],
  horizon: number,
  parameters: HoltWintersParameters,
  initial: HoltWintersInitial,
  confidence = 0.95,
): ForecastPoint[] {
  const run = runHoltWinters(values, parameters, initial);
  const season = initial.seasonal.length;
  const variance = values.length === 0 ? 0 : run.squaredError / values.length;
  const multiplier = normalMultiplier(confidence);
  let spread = 1;
  return Array.from({ length: horizon }, (_, index) => {
    const h = index + 1;
    if (h > 1) {
      const j = h - 1;
      spread += (parameters.alpha * (1 + j * parameters.beta) + (j % season === 0 ? parameters.gamma : 0)) ** 2;
    }
    const value = run.level + h * run.trend + run.seasonal[(values.length + index) % season];
    return pointWithin(value, multiplier * Math.sqrt(variance * spread));
  });
}
