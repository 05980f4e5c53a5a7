import { DiscountLimits, discountAllowanceBps, isDiscountWithin, PricedSale } from '@kassa/contracts';
import { AuditActor, auditActorOf } from '@kassa/api/audit';
import { RequestContext } from '@kassa/api/http';

/** Who answers for a sale's discount, and how far they may go (basis points of the gross; `null`: no limit). */
export interface DiscountGrant {
  grantedBy: AuditActor;
  allowanceBps: number | null;
}

/**
 * The grant behind a sale's discount: the seller's own allowance under the shop's limits. This is the
 * one place a wider grant can come from, e.g. a manager approving at the till.
 */
export function saleDiscountGrant(context: RequestContext, limits: DiscountLimits): DiscountGrant {
  const { actor } = context;
  return {
    grantedBy: auditActorOf(actor),
    allowanceBps: discountAllowanceBps({ role: actor.kind === 'user' ? actor.role : undefined, permissions: actor.permissions }, limits),
  };
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
