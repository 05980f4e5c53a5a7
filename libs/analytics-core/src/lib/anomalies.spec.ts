import fc from 'fast-check';
import { expectAllFinite } from '../test-support/expect-finite';
import { dailySeries, SHOP_WEEK } from '../test-support/generated-series';
import { anomalies } from './anomalies';
import { DailyPoint } from './daily-point';

/** Consecutive local days from Monday 2026-01-05, so position t is weekday t mod 7. */
function days(values: readonly number[]): DailyPoint[] {
  const start = Date.parse('2026-01-05T00:00:00Z');
  return values.map((value, t) => ({ date: new Date(start + t * 86_400_000).toISOString().slice(0, 10), value }));
}

// 13 weeks of a busy-Saturday shop with a little noise and a slow rise; day 50 (a Tuesday) spikes.
const withSpike = () => {
  const values = dailySeries(91, { level: 200, slope: 0.3, weekly: SHOP_WEEK, noise: 2 });
  values[50] += 150;
  return days(values);
};

describe('anomalies', () => {
  it.each(['z-score', 'robust'] as const)('flags one spike exactly once and no regular Saturday peak (%s)', (method) => {
    const sut = anomalies(withSpike(), { method, label: 'revenue' });
    expect(sut.anomalies.map((anomaly) => anomaly.date)).toEqual(['2026-02-24']);
    expect(sut.anomalies[0].direction).toBe('above');
    expect(sut.anomalies[0].explanation).toMatch(/^Tuesday 2026-02-24 was \d+\.\dσ above the usual revenue for a Tuesday \(/);
  });

  it.each(['z-score', 'robust'] as const)('does not flag the regular Saturday peak of a busy-Saturday shop (%s)', (method) => {
    const saturdaysAreHigh = days(dailySeries(91, { level: 200, slope: 0.3, weekly: SHOP_WEEK, noise: 2 }));
    const flagged = anomalies(saturdaysAreHigh, { method }).anomalies;
    expect(flagged.filter((anomaly) => anomaly.explanation.startsWith('Saturday'))).toEqual([]);
  });

  it('uses 2.0 as the default z-score threshold and honours another', () => {
    const points = withSpike();
    expect(anomalies(points).threshold).toBe(2);
    expect(anomalies(points, { threshold: 100 }).anomalies).toEqual([]);
  });

  it('flags a drop below the usual level as below', () => {
    const values = dailySeries(91, { level: 200, weekly: SHOP_WEEK, noise: 2 });
    values[30] -= 150;
    const sut = anomalies(days(values), { method: 'robust' });
    expect(sut.anomalies.map((anomaly) => [anomaly.date, anomaly.direction])).toEqual([['2026-02-04', 'below']]);
  });

  it('flags nothing when the MAD is 0, rather than dividing by zero', () => {
    const values = dailySeries(91, { level: 200, weekly: SHOP_WEEK });
    values[50] += 150;
    const sut = anomalies(days(values), { method: 'robust' });
    expect(sut.anomalies).toEqual([]);
    expect(sut.explanation).toContain('median absolute deviation');
  });

  it.each([
    ['empty', []],
    ['single-point', [7]],
    ['all-zero', new Array<number>(60).fill(0)],
  ])('handles %s input by flagging nothing', (_, values) => {
    for (const method of ['z-score', 'robust'] as const) {
      const sut = anomalies(days(values), { method });
      expect(sut.anomalies).toEqual([]);
      expectAllFinite(sut);
    }
  });

  it('never returns NaN or Infinity', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e9, max: 1e9, noNaN: true }), { maxLength: 80 }),
        fc.constantFrom('z-score', 'robust' as const),
        (values, method) => {
          expectAllFinite(anomalies(days(values), { method }));
        },
      ),
      { numRuns: 80 },
    );
  });
});
