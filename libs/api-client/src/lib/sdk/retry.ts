export interface RetryOptions {
  /** Retries after the first try (default 3). */
  maxRetries?: number;
  /** Wait when the answer has no Retry-After, doubled each time (default 500 ms). */
  baseDelayMs?: number;
  /** Longest wait honoured (default 30 s). */
  maxDelayMs?: number;
  sleep?: (ms: number) => Promise<void>;
}

const RETRIED = new Set([429, 503]);

/** Seconds or an HTTP date, as Retry-After says it; undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (!header) return undefined;
  if (/^\d+$/.test(header.trim())) return Number(header.trim()) * 1000;
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** A fetch that tries again on 429 and 503, waiting as Retry-After says (or backing off). */
export function retryingFetch(fetchImpl: typeof fetch, options: RetryOptions = {}): (request: Request) => Promise<Response> {
  const { maxRetries = 3, baseDelayMs = 500, maxDelayMs = 30_000 } = options;
  const sleep = options.sleep ?? ((ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms)));
  return async (request: Request) => {
    for (let attempt = 0; ; attempt++) {
      // Each try sends its own copy: a body can be read once.
      const response = await fetchImpl(request.clone());
      if (!RETRIED.has(response.status) || attempt >= maxRetries) return response;
      const wait = retryAfterMs(response.headers.get('retry-after')) ?? baseDelayMs * 2 ** attempt;
      await response.body?.cancel();
      await sleep(Math.min(wait, maxDelayMs));
    }
  };
}
