import reference from '../../../reference/statsmodels.json';
import { fitHoltWinters, forecastHoltWinters, initialHoltWinters, runHoltWinters } from './holt-winters';

const TOLERANCE = 1e-6;

describe('Holt-Winters', () => {
  const { y, parameters, initial, fitted, forecast14, forecast14FromFinalState } = reference.holtWinters;

  it('matches statsmodels ExponentialSmoothing fitted values with known initial state and fixed smoothing, to 1e-6', () => {
    const sut = runHoltWinters(y, parameters, initial);
    expect(sut.fitted).toHaveLength(fitted.length);
    sut.fitted.forEach((value, t) => expect(Math.abs(value - fitted[t])).toBeLessThan(TOLERANCE));
  });

  it('matches statsmodels forecast(14) to 1e-6 at every horizon that is not a whole number of weeks', () => {
    const sut = forecastHoltWinters(y, 14, parameters, initial);
    sut.forEach((point, index) => {
      if ((index + 1) % 7 !== 0) expect(Math.abs(point.value - forecast14[index])).toBeLessThan(TOLERANCE);
    });
  });

  // statsmodels 0.13.5 uses the previous season's factor at h = 7, 14 (statsmodels#9538, fixed in #10230).
  it("matches Hyndman's h-step forecast from statsmodels' final state at every horizon, to 1e-6", () => {
    const sut = forecastHoltWinters(y, 14, parameters, initial);
    sut.forEach((point, index) => expect(Math.abs(point.value - forecast14FromFinalState[index])).toBeLessThan(TOLERANCE));
  });

  it('widens its prediction interval with the horizon', () => {
    const sut = forecastHoltWinters(y, 14, parameters, initial);
    for (let h = 1; h < sut.length; h++) expect(sut[h].high - sut[h].low).toBeGreaterThan(sut[h - 1].high - sut[h - 1].low);
  });

  it('fits smoothing parameters with a lower one-step SSE than the fixed reference ones', () => {
    const start = initialHoltWinters(y);
    const fittedParameters = fitHoltWinters(y);
    for (const value of Object.values(fittedParameters)) expect(value >= 0 && value <= 1).toBe(true);
    expect(runHoltWinters(y, fittedParameters, start).squaredError).toBeLessThanOrEqual(runHoltWinters(y, parameters, start).squaredError);
  });

  it('recovers a pure weekly pattern exactly from the first two seasons', () => {
    const week = [10, 20, 30, 40, 50, 60, 70];
    const values = [...week, ...week, ...week];
    const sut = forecastHoltWinters(values, 7, fitHoltWinters(values), initialHoltWinters(values));
    sut.forEach((point, index) => expect(point.value).toBeCloseTo(week[index], 6));
  });
});
