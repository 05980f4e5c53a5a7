/** Milliseconds per call of `run`, measured one after another (no overlap). */
export async function timeEach<T>(inputs: T[], run: (input: T) => Promise<unknown>): Promise<number[]> {
  const durations: number[] = [];
  for (const input of inputs) {
    const started = performance.now();
    await run(input);
    durations.push(performance.now() - started);
  }
  return durations;
}

export function percentile(durations: number[], p: number): number {
  const sorted = [...durations].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export const ms = (value: number) => `${value.toFixed(2)} ms`;
