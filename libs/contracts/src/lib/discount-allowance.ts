import { applyBasisPoints } from './money';
import type { Permission, Role } from './permissions';

/** How far a shop lets sellers discount a sale, line and sale discounts together, in basis points of its gross. */
export interface DiscountLimits {
  /** For whoever holds `sales:discount` (managers, API keys scoped with it). */
  manager: number;
  /** For everyone else who sells. */
  cashier: number;
}

export const DEFAULT_DISCOUNT_LIMITS: DiscountLimits = { manager: 10_000, cashier: 0 };

/** Whoever stands behind a discount: the seller, or a manager approving it for them. */
export interface DiscountGrantor {
  /** Absent for an API key. */
  role?: Role;
  permissions: readonly Permission[];
}

/** The most `grantor` may discount, in basis points of the gross; `null` for no limit (owners). */
export function discountAllowanceBps(grantor: DiscountGrantor, limits: DiscountLimits): number | null {
  if (grantor.role === 'owner') return null;
  return grantor.permissions.includes('sales:discount') ? limits.manager : limits.cashier;
}

/**
 * Whether `discountMinor` off `grossMinor` stays within `allowanceBps`. The allowance in minor units is
 * rounded half-even like a percentage discount (`priceSale`), so a discount of exactly the allowed
 * percentage is always within it: 5 % of 0.99 is 0.05 off, not refused for being 5.05 %.
 */
export function isDiscountWithin(discountMinor: number, grossMinor: number, allowanceBps: number | null): boolean {
  return allowanceBps === null || discountMinor <= applyBasisPoints(grossMinor, allowanceBps);
}
