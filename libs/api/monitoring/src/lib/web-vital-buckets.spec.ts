import { vitalBucketOf, vitalQuantile, vitalRating, WEB_VITAL_BUCKETS } from './web-vital-buckets';

describe('web vital buckets', () => {
  it('puts a value in the first bucket whose bound holds it, and beyond the last in the open one', () => {
    expect(vitalBucketOf('LCP', 0)).toBe(0);
    expect(vitalBucketOf('LCP', 2500)).toBe(4);
    expect(vitalBucketOf('LCP', 2501)).toBe(5);
    expect(vitalBucketOf('LCP', 60_000)).toBe(WEB_VITAL_BUCKETS.LCP.length);
    expect(vitalBucketOf('CLS', 0.1)).toBe(3);
  });

  it("answers the 75th percentile as its bucket's upper bound, null without samples", () => {
    const counts = new Array<number>(WEB_VITAL_BUCKETS.INP.length + 1).fill(0);
    expect(vitalQuantile('INP', counts, 0.75)).toBeNull();
    counts[vitalBucketOf('INP', 80)] = 3; // ≤ 100
    counts[vitalBucketOf('INP', 450)] = 1; // ≤ 500
    expect(vitalQuantile('INP', counts, 0.75)).toBe(100);
    counts[vitalBucketOf('INP', 5000)] = 4; // open bucket: its lower bound
    expect(vitalQuantile('INP', counts, 0.75)).toBe(2000);
  });

  it("rates by web.dev's thresholds", () => {
    expect(vitalRating('LCP', 2500)).toBe('good');
    expect(vitalRating('LCP', 3000)).toBe('needs-improvement');
    expect(vitalRating('CLS', 0.3)).toBe('poor');
    expect(vitalRating('TTFB', 800)).toBe('good');
  });
});
