import { signed, ValueFormat } from '../wording';
import { WEAK_PATTERN_BELOW } from './seasonal-strength';

export interface SlotIndex<Slot> {
  slot: Slot;
  /** Additive index: how far this slot runs above (+) or below (−) an average slot, in the series' unit. */
  index: number;
}

export interface SeasonalPattern<Slot> {
  indexes: SlotIndex<Slot>[];
  /** 0 (no pattern) … 1 (the pattern explains everything but the trend). */
  strength: number;
  /** True when strength is under 0.3 (or there is too little history to tell). */
  weak: boolean;
  explanation: string;
}

export function flat<Slot>(slots: readonly Slot[], explanation: string): SeasonalPattern<Slot> {
  return { indexes: slots.map((slot) => ({ slot, index: 0 })), strength: 0, weak: true, explanation };
}

/** Names the highest and lowest slot and grades the pattern. */
export function describePattern<Slot>(
  indexes: SlotIndex<Slot>[],
  strength: number,
  label: string,
  format: ValueFormat,
  name: (slot: Slot) => string,
  kind: string,
): SeasonalPattern<Slot> {
  const weak = strength < WEAK_PATTERN_BELOW;
  const high = indexes.reduce((best, entry) => (entry.index > best.index ? entry : best), indexes[0]);
  const low = indexes.reduce((worst, entry) => (entry.index < worst.index ? entry : worst), indexes[0]);
  const grade = `the ${kind} pattern in ${label} is ${weak ? 'weak' : 'clear'} (strength ${strength.toFixed(2)})`;
  const explanation =
    high.index === low.index
      ? `There is no ${kind} pattern in ${label}.`
      : `Highest: ${name(high.slot)} (${signed(high.index, format)} against an average); lowest: ${name(low.slot)} (${signed(low.index, format)}); ${grade}.`;
  return { indexes, strength, weak, explanation };
}
