import type { DayRange } from '@kassa/web/ui';
import type { Sale } from './sale-requests';

export interface SalesListQuery {
  q?: string;
  storeId?: string;
  registerId?: string;
  status?: Sale['status'];
  from?: string;
  to?: string;
  offline?: boolean;
  flagged?: boolean;
}

/** The list's "Offline / flagged" filter: which sales it keeps. */
export const REVIEW_FILTERS = {
  offline: { label: 'Rung up offline', query: { offline: true } },
  flagged: { label: 'Flagged', query: { flagged: true } },
  online: { label: 'Rung up online', query: { offline: false } },
} as const satisfies Record<string, { label: string; query: Pick<SalesListQuery, 'offline' | 'flagged'> }>;

const reviewFilterOf = (value: string | undefined) =>
  value && Object.hasOwn(REVIEW_FILTERS, value) ? REVIEW_FILTERS[value as keyof typeof REVIEW_FILTERS].query : {};

/** The instants a range of the shop's days covers (`dayRangeInstants` in the shop's zone). */
export type DayRangeInstants = (from: string, to: string) => DayRange;

const STATUSES: readonly Sale['status'][] = ['completed', 'voided'];

/** The table's filters as the API's query: a lone `from` day is that one day; a register only counts with its store; `review` is offline / flagged. */
export function salesListQuery(filters: Record<string, string>, instantsOf: DayRangeInstants): SalesListQuery {
  const from = filters['from'];
  const range = from ? instantsOf(from, filters['to'] ?? from) : undefined;
  return {
    q: filters['q'],
    storeId: filters['storeId'],
    registerId: filters['storeId'] ? filters['registerId'] : undefined,
    status: STATUSES.find((status) => status === filters['status']),
    from: range?.from,
    to: range?.to,
    ...reviewFilterOf(filters['review']),
  };
}
