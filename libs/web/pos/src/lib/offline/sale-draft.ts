import type { OutboxDraft } from '@kassa/web/offline-queue';
import { saleRequest, type PendingSale } from '../sell/sale-request';
import type { PairedDevice } from '../store/paired-device';
import { markOfflineCards } from './offline-limits';

/** How a sale completed at this till is queued. */
export interface SaleCompletion {
  sale: PendingSale;
  device: PairedDevice;
  cashierId: string;
  totalMinor: number;
  occurredAt: Date;
  /** The till could not reach Kassa when the sale completed: sent with `offline: true`, as rung up. */
  offline: boolean;
}

/**
 * The queued sale: its body frozen now, with when it happened, whether the till was offline, and who rang it up
 * (the API attributes it to them whoever is signed in when it syncs, decision 0032).
 */
export function saleDraft({ sale, device, cashierId, totalMinor, occurredAt, offline }: SaleCompletion): OutboxDraft {
  const at = occurredAt.toISOString();
  const request = saleRequest(sale, device);
  return {
    id: sale.cart.id,
    kind: 'sale',
    path: '/api/v1/sales',
    body: {
      ...request,
      tenders: markOfflineCards(request.tenders, offline),
      occurredAt: at,
      ...(offline ? { offline: true } : {}),
      cashierId,
    },
    registerId: device.registerId,
    occurredAt: at,
    offline,
    cashierId,
    totalMinor,
  };
}
