import { PurchaseOrderStatus } from '@kassa/contracts';

/** The actions `POST /purchase-orders/{id}/<action>` takes. */
export const PURCHASE_ORDER_ACTIONS = ['submit', 'approve', 'reject', 'reopen', 'order', 'close', 'cancel'] as const;
export type PurchaseOrderAction = (typeof PURCHASE_ORDER_ACTIONS)[number];

/** Each action: the states it may start from and the one it leads to. Anything else is `invalid_transition`. */
export const TRANSITIONS: Record<PurchaseOrderAction, { from: readonly PurchaseOrderStatus[]; to: PurchaseOrderStatus }> = {
  submit: { from: ['draft'], to: 'submitted' },
  approve: { from: ['submitted'], to: 'approved' },
  reject: { from: ['submitted'], to: 'rejected' },
  reopen: { from: ['rejected'], to: 'draft' },
  order: { from: ['approved'], to: 'ordered' },
  close: { from: ['ordered', 'partially_received'], to: 'closed' },
  cancel: { from: ['draft', 'submitted', 'approved'], to: 'cancelled' },
};

/**
 * States a receipt may come in: ordered or partially received. A received order has nothing left due, so
 * any more is an over-receipt (409 `over_receipt`, or taken in with `allowOver`) rather than a wrong state.
 */
export const RECEIVABLE: readonly PurchaseOrderStatus[] = ['ordered', 'partially_received', 'received'];

/** Orders whose outstanding units count as on order: approved (about to go out) or sent and not yet all in. */
export const ON_ORDER: readonly PurchaseOrderStatus[] = ['approved', 'ordered', 'partially_received'];

/** The state `action` leads to from `status`, or null when the state machine forbids it. */
export function transition(status: PurchaseOrderStatus, action: PurchaseOrderAction): PurchaseOrderStatus | null {
  const rule = TRANSITIONS[action];
  return rule.from.includes(status) ? rule.to : null;
}
