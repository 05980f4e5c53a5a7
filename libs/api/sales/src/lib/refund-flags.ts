/**
 * What an offline refund could not have checked at the till: its approval, checked when it synced, did not hold
 * (missing, wrong PIN, an approver without `sales:refund` or of another store). Recorded anyway: the money went out.
 */
export const REFUND_FLAGS = ['approval_unverified'] as const;
export type RefundFlag = (typeof REFUND_FLAGS)[number];
