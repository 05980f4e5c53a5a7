/** Every event type (DESIGN.md §3). Webhooks, realtime and the events API carry these. */
export const EVENT_TYPES = [
  'sale.created',
  'sale.updated',
  'sale.voided',
  'sale.refunded',
  'product.created',
  'product.updated',
  'product.deleted',
  'stock.low',
  'stock.adjusted',
  'customer.created',
  'supplier.created',
  'purchase_order.created',
  // Submitted for approval: `{ ...order, submittedBy, ownerApprovalRequired }` (above the shop's threshold only owners may approve).
  'purchase_order.submitted',
  'purchase_order.approved',
  'purchase_order.received',
  'purchase_order.closed',
  'payment.received',
  // Tells the shop's owners an endpoint stopped receiving (410, or five days of failures).
  'webhook.disabled',
  // A mail (an emailed receipt, an invite) is waiting to be sent after commit: `{ mailId, purpose }`, never its address or text.
  'mail.queued',
  // Cash shifts (issue 22): `shift.closed` carries the count and over/short; `cash.discrepancy` follows a close whose
  // over/short is beyond the shop's threshold.
  'shift.opened',
  'shift.closed',
  'cash.discrepancy',
] as const;
export type EventType = (typeof EVENT_TYPES)[number];

export function isEventType(value: unknown): value is EventType {
  return typeof value === 'string' && (EVENT_TYPES as readonly string[]).includes(value);
}

/** The envelope every consumer receives; `sequence` orders a tenant's events as they became visible. */
export interface EventEnvelope<Data = Record<string, unknown>> {
  id: string;
  type: EventType;
  tenantId: string;
  sequence: number;
  aggregateType: string;
  aggregateId: string;
  aggregateVersion: number;
  occurredAt: string;
  data: Data;
}

/** Actions the audit log records (DESIGN.md §10). */
export const AUDIT_ACTIONS = [
  'create',
  'update',
  'delete',
  'login',
  'logout',
  'view',
  'export',
  'import',
  'void',
  'refund',
  'approve',
  'reject',
  'send',
] as const;
export type AuditAction = (typeof AUDIT_ACTIONS)[number];
