/**
 * What this device remembers between visits. Nothing here is a secret: the refresh token lives in
 * an httpOnly cookie and the access token in memory.
 */
const SHOP_KEY = 'kassa.shop';
const SESSION_KEY = 'kassa.session';
const STORE_KEY_PREFIX = 'kassa.store.';

export interface RememberedSession {
  tenantId: string;
  userId: string;
}

function read(key: string): string | null {
  try {
    return localStorage.getItem(key);
  } catch {
    return null;
  }
}

function write(key: string, value: string | null): void {
  try {
    if (value === null) localStorage.removeItem(key);
    else localStorage.setItem(key, value);
  } catch {
    // Storage can be disabled (private modes, policies): remembering is a convenience.
  }
}

/** The shop slug last signed in to, to prefill the sign-in form. */
export const rememberedShop = () => read(SHOP_KEY) ?? '';
export const rememberShop = (slug: string) => write(SHOP_KEY, slug);

/** Who was signed in last: lets a reload without network open that user's offline copy, and nobody else's. */
export function rememberedSession(): RememberedSession | undefined {
  try {
    const value = JSON.parse(read(SESSION_KEY) ?? 'null') as RememberedSession | null;
    return value && typeof value.tenantId === 'string' && typeof value.userId === 'string' ? value : undefined;
  } catch {
    return undefined;
  }
}
export const rememberSession = (session: RememberedSession) => write(SESSION_KEY, JSON.stringify(session));
export const forgetSession = () => write(SESSION_KEY, null);

/** The store a user last worked in, per tenant and user. */
export const chosenStore = (scope: string) => read(STORE_KEY_PREFIX + scope) ?? undefined;
export const chooseStore = (scope: string, storeId: string) => write(STORE_KEY_PREFIX + scope, storeId);
