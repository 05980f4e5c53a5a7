import type { DiscountLimits } from './discount-allowance';
import type { Permission, Role } from './permissions';

/** The range of the shop's till idle lock, in seconds (the database checks the same). */
export const TILL_IDLE_LOCK_SECONDS = { min: 15, max: 3600, default: 120 } as const;

export interface TenantView {
  id: string;
  name: string;
  slug: string;
  currency: string;
  timeZone: string;
  /** BCP 47 (`de-DE`): how money, numbers and dates are written and typed. */
  locale: string;
  pricesIncludeTax: boolean;
  allowNegativeStock: boolean;
  discountLimitBps: DiscountLimits;
  /** A till left untouched this long locks itself (15–3600 s). */
  tillIdleLockSeconds: number;
  version: number;
  createdAt: string;
}

export interface StoreView {
  id: string;
  name: string;
  code: string;
  version: number;
  createdAt: string;
}

export interface UserView {
  id: string;
  name: string;
  email: string;
  role: Role;
  active: boolean;
  /** Empty: the user works in every store. */
  storeIds: string[];
  version: number;
  createdAt: string;
}

export interface TokenPair {
  accessToken: string;
  refreshToken: string;
  /** Seconds until the access token expires. */
  expiresIn: number;
}

export interface ApiKeyView {
  id: string;
  name: string;
  permissions: Permission[];
  createdAt: string;
  lastUsedAt: string | null;
}
