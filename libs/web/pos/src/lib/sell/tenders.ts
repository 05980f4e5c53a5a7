export type TenderType = 'cash' | 'card' | 'other';

export interface Tender {
  type: TenderType;
  amountMinor: number;
}

export interface TenderState {
  paidMinor: number;
  /** Still to pay; zero once the tenders reach the total. */
  dueMinor: number;
  /** Cash handed back: only cash can exceed the total. */
  changeMinor: number;
  complete: boolean;
}

/** Where a split payment stands (the API's rule: change only from cash; card and other never pass the total). */
export function tenderState(totalMinor: number, tenders: readonly Tender[]): TenderState {
  const paidMinor = tenders.reduce((sum, tender) => sum + tender.amountMinor, 0);
  return {
    paidMinor,
    dueMinor: Math.max(0, totalMinor - paidMinor),
    changeMinor: Math.max(0, paidMinor - totalMinor),
    complete: paidMinor >= totalMinor,
  };
}

/** The most a tender of `type` may add now: anything for cash, at most what is due otherwise. */
export function tenderLimit(type: TenderType, dueMinor: number): number {
  return type === 'cash' ? Number.MAX_SAFE_INTEGER : dueMinor;
}

const NOTE_STEPS = [500, 1_000, 2_000, 5_000, 10_000];

/**
 * Quick cash buttons for `dueMinor`: the exact amount, then the next round amounts a customer is
 * likely to hand over (in a two-decimal currency: the next 5, 10, 20, 50, 100), at most four.
 */
export function quickCashAmounts(dueMinor: number): number[] {
  if (dueMinor <= 0) return [];
  const amounts = [dueMinor];
  for (const step of NOTE_STEPS) {
    const rounded = Math.ceil(dueMinor / step) * step;
    if (!amounts.includes(rounded)) amounts.push(rounded);
    if (amounts.length === 4) break;
  }
  return amounts;
}
