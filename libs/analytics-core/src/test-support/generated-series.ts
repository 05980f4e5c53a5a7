/** A seeded pseudo-random stream (LCG) so generated series are the same on every run. */
export function seededNoise(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 2 ** 32 - 0.5;
  };
}

/** Daily values: level + slope·t + weekly[t mod 7] + uniform noise of the given amplitude. */
export function dailySeries(days: number, { level = 100, slope = 0, weekly = [0, 0, 0, 0, 0, 0, 0], noise = 0, seed = 7 } = {}): number[] {
  const next = seededNoise(seed);
  return Array.from({ length: days }, (_, t) => level + slope * t + weekly[t % 7] + noise * next());
}

export const SHOP_WEEK = [-10, -15, -5, 0, 10, 35, -15];
