export interface BackoffPolicy {
  /** The first retry waits up to this long. */
  baseMs: number;
  /** No wait is longer than this. */
  capMs: number;
}

export const DEFAULT_BACKOFF: BackoffPolicy = { baseMs: 500, capMs: 30_000 };

/**
 * Exponential back-off with full jitter: a uniform wait in [0, min(cap, base·2^attempt)), so clients cut off together
 * (a replica restart) do not come back together. `attempt` counts from 0.
 */
export function backoffDelay(attempt: number, policy: BackoffPolicy = DEFAULT_BACKOFF, random: () => number = Math.random): number {
  const ceiling = Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(attempt, 30));
  return Math.floor(random() * ceiling);
}
