import type { DiscountLimits } from './discount-allowance';
import type { Permission, Role } from './permissions';

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
