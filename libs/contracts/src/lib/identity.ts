import type { DiscountLimits } from './discount-allowance';
import type { Permission, Role } from './permissions';

/** The range of the shop's till idle lock, in seconds (the database checks the same). */
export const TILL_IDLE_LOCK_SECONDS = { min: 15, max: 3600, default: 120 } as const;
/** How long a till may go without reaching Kassa before it stops selling, in hours (the database checks the same). */
export const OFFLINE_MAX_HOURS = { min: 1, max: 168, default: 24 } as const;

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
  /** Offline limits (issue 21): whether a till takes card tenders without the network (marked `offline` on the tender). */
  offlineCardAllowed: boolean;
  /** The largest sale a till completes without the network; null: no limit. */
  offlineMaxSaleMinor: number | null;
  /** Hours a till may go without reaching Kassa before it stops selling and asks for the network. */
  offlineMaxHours: number;
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
