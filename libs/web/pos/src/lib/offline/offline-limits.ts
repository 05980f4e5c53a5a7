import { countOf, type TenantView } from '@kassa/contracts';
import type { TenderType } from '../sell/tenders';

export type OfflineLimits = Pick<TenantView, 'offlineCardAllowed' | 'offlineMaxSaleMinor' | 'offlineMaxHours'>;

const HOUR_MS = 3_600_000;

/**
 * Why this till may not complete a sale (or refund) of `totalMinor` without the network (the shop's offline limits),
 * or undefined: it has gone longer than the shop allows without reaching Kassa, or the amount is above the most.
 * `reachedAt`: when the till last reached Kassa (null: not known, nothing to hold against it).
 */
export function offlineSaleStop(
  limits: OfflineLimits,
  totalMinor: number,
  reachedAt: number | null,
  now: number,
  money: (minor: number) => string,
  what: 'sale' | 'refund' = 'sale',
) {
  if (reachedAt !== null && now - reachedAt > limits.offlineMaxHours * HOUR_MS) {
    return `This till has not reached Kassa for more than ${countOf(limits.offlineMaxHours, 'hour', 'hours')}: connect it to the network to go on selling.`;
  }
  if (limits.offlineMaxSaleMinor !== null && totalMinor > limits.offlineMaxSaleMinor) {
    return `Without the network a ${what} may be at most ${money(limits.offlineMaxSaleMinor)}: connect to the network for this one.`;
  }
  return undefined;
}

/** Why this till may not pay back `totalMinor` in `tender` without the network, or undefined: the sale's limits, refunds alike. */
export function offlineRefundStop(
  limits: OfflineLimits,
  refund: { totalMinor: number; tender: TenderType },
  reachedAt: number | null,
  now: number,
  money: (minor: number) => string,
) {
  if (!offlineTenderAllowed(limits, refund.tender)) return 'Without the network this shop pays back in cash only: connect to the network to refund to a card.';
  return offlineSaleStop(limits, refund.totalMinor, reachedAt, now, money, 'refund');
}

/** The tender types a till takes without the network: card only where the shop allows it. */
export function offlineTenderAllowed(limits: OfflineLimits, type: TenderType): boolean {
  return type !== 'card' || limits.offlineCardAllowed;
}

/** Card tenders of a sale completed offline say so (the terminal's own approval, for review). */
export function markOfflineCards<T extends { type: TenderType }>(tenders: T[], offline: boolean): (T & { offline?: true })[] {
  return offline ? tenders.map((tender) => (tender.type === 'card' ? { ...tender, offline: true as const } : tender)) : tenders;
}
