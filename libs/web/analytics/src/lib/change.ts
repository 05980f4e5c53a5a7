/** The API's rule for a change in %: none when there is nothing to compare with (no figure, or zero before). */
export function percentChange(now: number | null, before: number | null): number | null {
  if (now === null || before === null || before === 0) return null;
  return ((now - before) / Math.abs(before)) * 100;
}

export type ChangeDirection = 'up' | 'down' | 'flat' | 'none';

/** Up or down as a person reads it: a change that rounds to 0.0% is flat. */
export function changeDirection(percent: number | null): ChangeDirection {
  if (percent === null) return 'none';
  if (Math.abs(percent) < 0.05) return 'flat';
  return percent > 0 ? 'up' : 'down';
}
