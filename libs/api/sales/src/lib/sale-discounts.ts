import { DiscountLimits, discountAllowanceBps, isDiscountWithin, PricedSale, ROLE_PERMISSIONS } from '@kassa/contracts';
import type { PinApprover } from '@kassa/api/auth';
import { AuditActor, auditActorOf } from '@kassa/api/audit';
import { RequestContext } from '@kassa/api/http';
import { approverWorksIn } from './sale-approvals';

/** Who answers for a sale's discount, and how far they may go (basis points of the gross; `null`: no limit). */
export interface DiscountGrant {
  grantedBy: AuditActor;
  allowanceBps: number | null;
  /** The user who approved at the till, when the grant is theirs. */
  approvedBy: string | null;
}

const wider = (left: number | null, right: number | null) => (left === null || right === null ? null : Math.max(left, right));

/**
 * The grant behind a sale's discount: the seller's own allowance under the shop's limits, or, with an
 * approval (a PIN already checked), the approver's when it is wider and they work in the sale's store.
 * This is the one place a wider grant comes from.
 */
export function saleDiscountGrant(context: RequestContext, limits: DiscountLimits, approval?: { approver: PinApprover; storeId: string }): DiscountGrant {
  const { actor } = context;
  const own: DiscountGrant = {
    grantedBy: auditActorOf(actor),
    allowanceBps: discountAllowanceBps({ role: actor.kind === 'user' ? actor.role : undefined, permissions: actor.permissions }, limits),
    approvedBy: null,
  };
  if (!approval) return own;
  const { approver, storeId } = approval;
  if (!approverWorksIn(approver, storeId)) return own;
  const approverAllowance = discountAllowanceBps({ role: approver.role, permissions: ROLE_PERMISSIONS[approver.role] }, limits);
  if (wider(own.allowanceBps, approverAllowance) === own.allowanceBps) return own;
  return { grantedBy: { type: 'user', id: approver.userId }, allowanceBps: approverAllowance, approvedBy: approver.userId };
}

/**
 * The fields of a sale whose discounts go beyond the grant, line and sale discounts counted together:
 * none when it is within. Line discounts apply first, so when they alone fit, the sale discount is the
 * one that went too far.
 */
export function discountsBeyondGrant(priced: PricedSale, grant: DiscountGrant): string[] {
  if (isDiscountWithin(priced.discountMinor, priced.subtotalMinor, grant.allowanceBps)) return [];
  const lineDiscountMinor = priced.lines.reduce((sum, line) => sum + line.lineDiscountMinor, 0);
  if (isDiscountWithin(lineDiscountMinor, priced.subtotalMinor, grant.allowanceBps)) return ['discount'];
  return priced.lines.flatMap((line, index) => (line.lineDiscountMinor > 0 ? [`lines.${index}.discount`] : []));
}
