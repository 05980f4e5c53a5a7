import type { Schemas } from '@kassa/api-client';
import { queryKeys } from '@kassa/web/data-access';

export type Sale = Schemas['SaleDto'];
/** A sale as the list gives it: with what its refunds gave back. */
export type SaleListItem = Schemas['SaleListItemDto'];
export type SaleLine = Schemas['SaleLineDto'];
export type Refund = Schemas['RefundDto'];

export const saleKeys = {
  all: queryKeys.entity('sale'),
  list: (params: object) => queryKeys.list('sale', params),
  detail: (id: string) => queryKeys.detail('sale', id),
  refunds: (id: string) => [...queryKeys.detail('sale', id), 'refunds'] as const,
  receipt: (id: string) => [...queryKeys.detail('sale', id), 'receipt'] as const,
  /** The key `AuditTrail` (@kassa/web/admin) reads a sale's history under. */
  audit: (id: string) => [...queryKeys.detail('sale', id), 'audit'] as const,
};
