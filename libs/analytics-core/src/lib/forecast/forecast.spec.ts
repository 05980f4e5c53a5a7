import fc from 'fast-check';
import { expectAllFinite } from '../../test-support/expect-finite';
import { dailySeries, SHOP_WEEK } from '../../test-support/generated-series';
import { backtest } from './backtest';
import { forecast } from './forecast';
import { linearForecast } from './linear';
import { seasonalNaiveForecast } from './seasonal-naive';

describe('forecast', () => {
  it('has Holt-Winters beat seasonal naive (lower backtest MASE) on a seasonal series with a trend', () => {
    const sut = forecast(dailySeries(140, { slope: 0.8, weekly: SHOP_WEEK, noise: 6 }));
    const { 'holt-winters': holtWinters, 'seasonal-naive': naive } = sut.backtest.scores;
    expect(holtWinters.mase).not.toBeNull();
    expect(holtWinters.mase ?? Infinity).toBeLessThan(naive.mase ?? 0);
  });

  it('keeps Holt-Winters within 1.1× the MASE of seasonal naive on a flat seasonal series', () => {
    const sut = forecast(dailySeries(140, { weekly: SHOP_WEEK, noise: 6, seed: 11 }));
    const { 'holt-winters': holtWinters, 'seasonal-naive': naive } = sut.backtest.scores;
    expect(holtWinters.mase ?? Infinity).toBeLessThanOrEqual(1.1 * (naive.mase ?? 0));
  });

  it('chooses the method with the lowest backtest MASE and says why', () => {
    const sut = forecast(dailySeries(140, { slope: 0.8, weekly: SHOP_WEEK, noise: 6 }));
    const lowest = Math.min(...Object.values(sut.backtest.scores).map((score) => score.mase ?? Infinity));
    expect(sut.backtest.scores[sut.best].mase).toBe(lowest);
    expect(sut.reason).toMatch(/^it had the lowest one-step MASE over the last 28 days \(/);
    expect(sut.explanation).toMatch(/^The next 14 days should bring about \d+ in total by /);
  });

  it('scores the last 28 days, with MAPE over non-zero actuals only', () => {
    const values = dailySeries(60, { weekly: SHOP_WEEK, noise: 4 });
    values[55] = 0;
    const sut = backtest(values);
    expect(sut.window).toBe(28);
    expect(sut.scores['seasonal-naive'].mae).toBeCloseTo(
      values.slice(32).reduce((total, value, index) => total + Math.abs(value - values[25 + index]), 0) / 28,
      9,
    );
    const naiveMape =
      (values.slice(32).reduce((total, value, index) => (value === 0 ? total : total + Math.abs(value - values[25 + index]) / value), 0) / 27) * 100;
    expect(sut.scores['seasonal-naive'].mape).toBeCloseTo(naiveMape, 9);
  });

  it('reports MAPE as null when every actual in the window is 0', () => {
    const values = [...dailySeries(30, { weekly: SHOP_WEEK }), ...new Array<number>(28).fill(0)];
    expect(backtest(values).scores.linear.mape).toBeNull();
  });

  it('falls back to seasonal naive, saying so, without enough history to backtest', () => {
    const sut = forecast([5, 6, 7]);
    expect(sut.backtest.window).toBe(0);
    expect(sut.best).toBe('seasonal-naive');
    expect(sut.reason).toContain('too little to backtest');
  });

  it('repeats last week in the seasonal-naive forecast, its interval widening each week', () => {
    const sut = seasonalNaiveForecast(dailySeries(21, { weekly: SHOP_WEEK, noise: 2 }), 14);
    expect(sut[7].value).toBe(sut[0].value);
    expect(sut[7].high - sut[7].low).toBeCloseTo(Math.SQRT2 * (sut[0].high - sut[0].low), 9);
  });

  it('extends an exact line in the linear forecast', () => {
    expect(linearForecast([1, 3, 5, 7], 2).map((point) => point.value)).toEqual([9, 11].map((value) => expect.closeTo(value, 9)));
  });

  it.each([
    ['empty', []],
    ['single-point', [12]],
    ['all-zero', new Array<number>(60).fill(0)],
  ])('handles %s input', (_, values) => {
    const sut = forecast(values, { horizon: 7 });
    expect(sut.methods['holt-winters']).toHaveLength(7);
    expectAllFinite(sut);
  });

  it('never returns NaN or Infinity', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 50 }), fc.integer({ min: 0, max: 21 }), (values, horizon) => {
        expectAllFinite(forecast(values, { horizon }));
      }),
      { numRuns: 60 },
    );
  });
});
