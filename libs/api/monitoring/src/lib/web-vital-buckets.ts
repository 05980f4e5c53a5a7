export const WEB_VITAL_METRICS = ['LCP', 'INP', 'CLS', 'TTFB'] as const;
export type WebVitalMetric = (typeof WEB_VITAL_METRICS)[number];

/**
 * Upper bounds of each metric's buckets (ms; CLS unitless), one more open bucket after the last. They take in
 * web.dev's "good" and "poor" thresholds, so a page's rating from its 75th percentile is exact at the edges.
 */
export const WEB_VITAL_BUCKETS: Record<WebVitalMetric, readonly number[]> = {
  LCP: [500, 1000, 1500, 2000, 2500, 3000, 4000, 6000, 10000],
  INP: [50, 100, 150, 200, 300, 500, 1000, 2000],
  CLS: [0.01, 0.025, 0.05, 0.1, 0.15, 0.25, 0.5, 1],
  TTFB: [100, 200, 400, 600, 800, 1200, 1800, 3000, 6000],
};

/** web.dev's thresholds: at or under `good` is good, above `poor` is poor. */
export const WEB_VITAL_THRESHOLDS: Record<WebVitalMetric, { good: number; poor: number }> = {
  LCP: { good: 2500, poor: 4000 },
  INP: { good: 200, poor: 500 },
  CLS: { good: 0.1, poor: 0.25 },
  TTFB: { good: 800, poor: 1800 },
};

export type WebVitalRating = 'good' | 'needs-improvement' | 'poor';

export function vitalBucketOf(metric: WebVitalMetric, value: number): number {
  const bounds = WEB_VITAL_BUCKETS[metric];
  const index = bounds.findIndex((bound) => value <= bound);
  return index === -1 ? bounds.length : index;
}

/**
 * The q-quantile (0–1) of a metric's merged bucket counts: the upper bound of the bucket it falls in (the open
 * bucket answers its lower bound), so a p75 never claims to be better than the samples were; null without samples.
 */
export function vitalQuantile(metric: WebVitalMetric, counts: readonly number[], q: number): number | null {
  const total = counts.reduce((sum, count) => sum + count, 0);
  if (total === 0) return null;
  const bounds = WEB_VITAL_BUCKETS[metric];
  let seen = 0;
  for (let index = 0; index < counts.length; index += 1) {
    seen += counts[index];
    if (seen >= q * total) return bounds[Math.min(index, bounds.length - 1)];
  }
  return bounds[bounds.length - 1];
}

export function vitalRating(metric: WebVitalMetric, value: number): WebVitalRating {
  const { good, poor } = WEB_VITAL_THRESHOLDS[metric];
  return value <= good ? 'good' : value <= poor ? 'needs-improvement' : 'poor';
}
