import { seasonalStrength } from './seasonal-strength';

export interface Cell {
  /** The period a slot belongs to (a year for months, a day for hours). */
  group: string;
  slot: number;
  value: number;
}

/**
 * Additive slot indexes from a group × slot table: each cell is compared with its group's mean (so a
 * growing business doesn't tilt later slots), each slot's index is the mean of those differences over
 * the groups that have it, and the indexes are shifted to sum to zero over the slots seen. Strength
 * needs at least two groups.
 */
export function twoWayIndexes(cells: readonly Cell[], slots: number): { indexes: number[]; strength: number; seen: number } {
  const groups = new Map<string, Cell[]>();
  for (const cell of cells) groups.set(cell.group, [...(groups.get(cell.group) ?? []), cell]);
  const sums = new Array<number>(slots).fill(0);
  const counts = new Array<number>(slots).fill(0);
  const deviations: { slot: number; deviation: number }[] = [];
  for (const members of groups.values()) {
    const groupMean = members.reduce((total, cell) => total + cell.value, 0) / members.length;
    for (const cell of members) {
      sums[cell.slot] += cell.value - groupMean;
      counts[cell.slot] += 1;
      deviations.push({ slot: cell.slot, deviation: cell.value - groupMean });
    }
  }
  const seen = counts.filter((count) => count > 0).length;
  const raw = sums.map((total, slot) => (counts[slot] === 0 ? 0 : total / counts[slot]));
  const centre = seen === 0 ? 0 : raw.reduce((total, value, slot) => (counts[slot] === 0 ? total : total + value), 0) / seen;
  const indexes = raw.map((value, slot) => (counts[slot] === 0 ? 0 : value - centre));
  // With one group the indexes reproduce it exactly: no repetition, so no evidence of a pattern.
  const strength =
    groups.size < 2
      ? 0
      : seasonalStrength(
          deviations.map(({ slot }) => indexes[slot]),
          deviations.map(({ slot, deviation }) => deviation - indexes[slot]),
        );
  return { indexes, strength, seen };
}
