import type { DayRange } from '@kassa/web/ui';
import type { Sale } from './sale-requests';

export interface SalesListQuery {
  q?: string;
  storeId?: string;
  registerId?: string;
  status?: Sale['status'];
  from?: string;
  to?: string;
}

/** The instants a range of the shop's days covers (`dayRangeInstants` in the shop's zone). */
export type DayRangeInstants = (from: string, to: string) => DayRange;

const STATUSES: readonly Sale['status'][] = ['completed', 'voided'];

/** The table's filters as the API's query: a lone `from` day is that one day; a register only counts with its store. */
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
  };
}
