/**
 * How long to wait before the next attempt, after `attemptsMade` attempts failed, or undefined when
 * the schedule is spent. `schedule[n]` is the delay before attempt n + 1 (DESIGN.md §4: now, 5 s,
 * 5 min, 30 min, 2 h, 5 h, 10 h, 10 h). A receiver's `Retry-After` can lengthen a wait, never
 * beyond the schedule's longest step, and never shortens one.
 */
export function nextAttemptDelayMs(schedule: readonly number[], attemptsMade: number, retryAfterMs?: number): number | undefined {
  if (attemptsMade >= schedule.length) return undefined;
  const scheduled = schedule[attemptsMade];
  if (retryAfterMs === undefined) return scheduled;
  return Math.max(scheduled, Math.min(retryAfterMs, Math.max(...schedule)));
}

/** A `Retry-After` header (seconds or an HTTP date) in milliseconds from `now`, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | undefined, now: number): number | undefined {
  if (!header) return undefined;
  const value = header.trim();
  if (/^\d+$/.test(value)) return Number(value) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}
