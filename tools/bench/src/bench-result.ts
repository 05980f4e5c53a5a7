/**
 * What a benchmark hands to `npm run bench` (tools/bench/run-all.mjs): its last stdout line,
 * `BENCH_RESULT {"bench": …, "figures": […]}`. Each figure carries the baseline measured in the same run.
 */
export interface BenchFigure {
  name: string;
  value: number;
  unit: string;
  /** The same measurement of the design before, in the same run; omitted when there is none to run. */
  baseline?: { value: number; label: string };
  /** e.g. "≤ 30", read with the unit. */
  target?: string;
  /** Whether the target holds; omitted without a target. */
  met?: boolean;
  note?: string;
}

export const BENCH_RESULT_PREFIX = 'BENCH_RESULT ';

/** `BENCH_PROFILE=small` (the aggregator's smoke run) scales a benchmark down; anything else is the full size. */
export function benchProfile(): 'small' | 'full' {
  return process.env['BENCH_PROFILE'] === 'small' ? 'small' : 'full';
}

export function printBenchResult(bench: string, figures: BenchFigure[], details: Record<string, unknown> = {}): void {
  console.log(BENCH_RESULT_PREFIX + JSON.stringify({ bench, profile: benchProfile(), figures, details }));
}

/** A "≤ limit" target and whether `value` meets it. */
export function atMost(value: number, limit: number): Pick<BenchFigure, 'target' | 'met'> {
  return { target: `≤ ${limit.toLocaleString('en')}`, met: value <= limit };
}

/** A "≥ limit" target and whether `value` meets it. */
export function atLeast(value: number, limit: number): Pick<BenchFigure, 'target' | 'met'> {
  return { target: `≥ ${limit.toLocaleString('en')}`, met: value >= limit };
}
