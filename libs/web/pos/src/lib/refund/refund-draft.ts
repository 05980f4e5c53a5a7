import type { OutboxDraft } from '@kassa/web/offline-queue';
import { uuidv7 } from '@kassa/contracts';

export type RefundTenderType = 'cash' | 'card';

/** A refund made at this till, as it is queued behind the sale it names. */
export interface RefundAtTill {
  saleId: string;
  lines: { position: number; quantity: number; restock: boolean }[];
  tender: RefundTenderType;
  totalMinor: number;
  reason: string;
  registerId: string;
  cashierId: string;
  /** A manager's PIN approval when the cashier lacks `sales:refund` (checked by the API, on sync when offline). */
  approval?: { userId: string; pin: string };
  occurredAt: Date;
  offline: boolean;
}

/** The queued refund: its body frozen now, paid out of this till's drawer, with when it happened. */
export function refundDraft(refund: RefundAtTill, id = uuidv7()): OutboxDraft {
  const at = refund.occurredAt.toISOString();
  return {
    id,
    kind: 'refund',
    path: `/api/v1/sales/${refund.saleId}/refunds`,
    body: {
      id,
      lines: refund.lines,
      tenders: [{ type: refund.tender, amountMinor: refund.totalMinor }],
      reason: refund.reason,
      occurredAt: at,
      registerId: refund.registerId,
      ...(refund.offline ? { offline: true } : {}),
      ...(refund.approval ? { approval: refund.approval } : {}),
    },
    registerId: refund.registerId,
    occurredAt: at,
    offline: refund.offline,
    cashierId: refund.cashierId,
    totalMinor: refund.totalMinor,
  };
}
