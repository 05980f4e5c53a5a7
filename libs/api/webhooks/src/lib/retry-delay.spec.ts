import { nextAttemptDelayMs, retryAfterMs } from './retry-delay';

const SCHEDULE = [0, 5_000, 300_000, 1_800_000, 7_200_000, 18_000_000, 36_000_000, 36_000_000];

describe('the next attempt delay', () => {
  it('follows the configured schedule attempt by attempt', () => {
    expect(SCHEDULE.map((_, made) => nextAttemptDelayMs(SCHEDULE, made))).toEqual(SCHEDULE);
  });

  it('stops after the last attempt', () => {
    expect(nextAttemptDelayMs(SCHEDULE, SCHEDULE.length)).toBeUndefined();
    expect(nextAttemptDelayMs([0, 100], 2, 50)).toBeUndefined();
  });

  it('waits as long as Retry-After asks when that is longer than the schedule', () => {
    expect(nextAttemptDelayMs(SCHEDULE, 1, 60_000)).toBe(60_000);
  });

  it('caps Retry-After at the longest step of the schedule', () => {
    expect(nextAttemptDelayMs(SCHEDULE, 1, 7 * 24 * 3600_000)).toBe(36_000_000);
  });

  it('never lets Retry-After shorten the scheduled wait', () => {
    expect(nextAttemptDelayMs(SCHEDULE, 2, 1_000)).toBe(300_000);
  });
});

describe('reading Retry-After', () => {
  const now = Date.parse('2026-11-26T10:00:00Z');

  it('reads seconds and HTTP dates, and ignores what it cannot read', () => {
    expect(retryAfterMs('120', now)).toBe(120_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 10:01:00 GMT', now)).toBe(60_000);
    expect(retryAfterMs('Thu, 26 Nov 2026 09:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeUndefined();
    expect(retryAfterMs(undefined, now)).toBeUndefined();
  });
});
