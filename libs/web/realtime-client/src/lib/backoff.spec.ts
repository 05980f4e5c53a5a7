import { backoffDelay } from './backoff';

describe('backoffDelay', () => {
  const policy = { baseMs: 100, capMs: 5_000 };

  it('doubles the ceiling with each attempt up to the cap', () => {
    const ceiling = (attempt: number) => backoffDelay(attempt, policy, () => 0.999999) + 1;
    expect([0, 1, 2, 3, 4, 5, 6, 10, 60].map(ceiling)).toEqual([100, 200, 400, 800, 1600, 3200, 5000, 5000, 5000]);
  });

  it('spreads waits uniformly below the ceiling (full jitter), never negative', () => {
    expect(backoffDelay(3, policy, () => 0)).toBe(0);
    expect(backoffDelay(3, policy, () => 0.5)).toBe(400);
  });
});
