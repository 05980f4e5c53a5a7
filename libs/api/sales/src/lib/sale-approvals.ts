import type { PinApprover } from '@kassa/api/auth';

/** An approver (PIN already checked) stands in for a sale of `storeId` only where they work: every store, or that one. */
export function approverWorksIn(approver: PinApprover, storeId: string): boolean {
  return approver.storeIds.length === 0 || approver.storeIds.includes(storeId);
}
