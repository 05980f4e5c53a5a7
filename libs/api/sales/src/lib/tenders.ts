import type { TenderType } from '@kassa/contracts';

export interface TenderOutcome {
  tenderedMinor: number;
  changeDueMinor: number;
  /** The tenders fall short of the total. */
  short: boolean;
  /** Card and other tenders exceed the total: only cash can be handed back as change. */
  overpaidWithoutCash: boolean;
}

/** Change is given from cash only, so non-cash tenders may reach the total but not pass it. */
export function settleTenders(totalMinor: number, tenders: { type: TenderType; amountMinor: number }[]): TenderOutcome {
  const tenderedMinor = tenders.reduce((sum, tender) => sum + tender.amountMinor, 0);
  const nonCash = tenders.filter((tender) => tender.type !== 'cash').reduce((sum, tender) => sum + tender.amountMinor, 0);
  return {
    tenderedMinor,
    changeDueMinor: Math.max(0, tenderedMinor - totalMinor),
    short: tenderedMinor < totalMinor,
    overpaidWithoutCash: nonCash > totalMinor,
  };
}
