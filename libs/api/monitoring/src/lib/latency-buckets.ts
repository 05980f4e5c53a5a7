/** Upper bounds (ms) of the rollups' latency buckets; one more, open-ended bucket follows the last. */
export const LATENCY_BUCKETS_MS = [5, 10, 25, 50, 100, 250, 500, 1000, 2500, 5000, 10000] as const;

/** The bucket a request of `ms` falls in. */
export function bucketOf(ms: number): number {
  const index = LATENCY_BUCKETS_MS.findIndex((bound) => ms <= bound);
  return index === -1 ? LATENCY_BUCKETS_MS.length : index;
}

/**
 * The q-quantile (0–1) of merged bucket counts, interpolated linearly inside its bucket (as Prometheus'
 * histogram_quantile does); null without requests. The open bucket answers its lower bound.
 */
export function quantileOf(counts: readonly number[], q: number): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const rank = q * total;
  let seen = 0;
  for (let index = 0; index < counts.length; index += 1) {
    const count = counts[index];
    if (count > 0 && seen + count >= rank) {
      const lower = index === 0 ? 0 : LATENCY_BUCKETS_MS[index - 1];
      if (index >= LATENCY_BUCKETS_MS.length) return lower;
      return lower + (LATENCY_BUCKETS_MS[index] - lower) * ((rank - seen) / count);
    }
    seen += count;
  }
  return LATENCY_BUCKETS_MS[LATENCY_BUCKETS_MS.length - 1];
}

/** Adds bucket counts element-wise. */
export function mergeBuckets(into: number[], add: readonly number[]): number[] {
  for (let index = 0; index < add.length; index += 1) into[index] = (into[index] ?? 0) + add[index];
  return into;
}
