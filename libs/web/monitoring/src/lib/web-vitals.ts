import type { WebVitalName } from './client-error-reporter';

/**
 * Hands each of the page's Web Vitals (LCP, INP, CLS, TTFB) to `report` as `web-vitals` finalises it (LCP, INP and
 * CLS when the page is hidden or interacted with, TTFB once loaded). The library loads in its own chunk.
 */
export async function observeWebVitals(report: (metric: WebVitalName, value: number) => void): Promise<void> {
  const { onCLS, onINP, onLCP, onTTFB } = await import('web-vitals');
  for (const observe of [onCLS, onINP, onLCP, onTTFB]) observe((metric) => report(metric.name, metric.value));
}
