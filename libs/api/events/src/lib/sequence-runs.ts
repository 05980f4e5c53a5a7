/**
 * Sequence numbers as the runs of consecutive numbers they form (`[1, 2, 3, 7, 8]` → `[[1, 3], [7, 8]]`), in
 * ascending order, so a statement can select each run as a range on an index instead of a list of ids.
 */
export function sequenceRuns(sequences: readonly number[]): [first: number, last: number][] {
  const runs: [number, number][] = [];
  for (const sequence of [...sequences].sort((a, b) => a - b)) {
    const run = runs.at(-1);
    if (run && sequence <= run[1] + 1) run[1] = Math.max(run[1], sequence);
    else runs.push([sequence, sequence]);
  }
  return runs;
}
