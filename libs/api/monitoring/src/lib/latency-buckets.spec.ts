import { bucketOf, LATENCY_BUCKETS_MS, mergeBuckets, quantileOf } from './latency-buckets';

const empty = () => new Array<number>(LATENCY_BUCKETS_MS.length + 1).fill(0);

describe('latency buckets', () => {
  it('puts a latency in the first bucket whose bound it does not exceed', () => {
    expect(bucketOf(0.3)).toBe(0);
    expect(bucketOf(5)).toBe(0);
    expect(bucketOf(5.1)).toBe(1);
    expect(bucketOf(60_000)).toBe(LATENCY_BUCKETS_MS.length);
  });

  it('answers no quantile without requests', () => {
    expect(quantileOf(empty(), 0.5)).toBeNull();
  });

  it('interpolates inside the bucket that holds the rank', () => {
    const counts = empty();
    counts[bucketOf(20)] = 100; // all in (10, 25]
    expect(quantileOf(counts, 0.5)).toBeCloseTo(17.5);
    expect(quantileOf(counts, 0.99)).toBeCloseTo(24.85);
  });

  it('merges minutes and processes so their percentiles are those of all requests together', () => {
    const fast = empty();
    fast[bucketOf(3)] = 90;
    const slow = empty();
    slow[bucketOf(800)] = 10;
    const merged = mergeBuckets(mergeBuckets(empty(), fast), slow);
    expect(quantileOf(merged, 0.5)).toBeLessThanOrEqual(5);
    expect(quantileOf(merged, 0.95)).toBeGreaterThan(500);
  });
});
