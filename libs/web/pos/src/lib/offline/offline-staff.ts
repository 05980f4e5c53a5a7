import { STORES, type TillDb } from '../store/till-db';
import type { Me, StaffMember } from '../till-api';

/**
 * Staff who signed in on this tablet with the network, remembered so they can sign in again while it is
 * offline (decision 0032): a PBKDF2-SHA256 hash of their PIN (600,000 iterations, a salt of their own), never
 * the PIN, and what the till needs of them (`me`). Only for 12 hours after their last sign-in with the network.
 */
export interface RememberedStaff {
  member: StaffMember;
  me: Me;
  salt: string;
  hash: string;
  iterations: number;
  signedInAt: number;
  /** Wrong PINs in a row while offline: at `OFFLINE_PIN_TRIES` offline sign-in stops until they sign in online. */
  failures: number;
}

/** Where it lives: the till's own key-value store (the `meta` object store), one key per user. */
export interface StaffStore {
  get(key: string): Promise<RememberedStaff | undefined>;
  put(key: string, value: RememberedStaff): Promise<void>;
  all(): Promise<RememberedStaff[]>;
}

export const PIN_ITERATIONS = 600_000;
export const OFFLINE_SIGN_IN_MS = 12 * 3_600_000;
export const OFFLINE_PIN_TRIES = 5;
export const STAFF_KEY_PREFIX = 'offline-staff:';

const base64 = (bytes: ArrayBuffer | Uint8Array) => btoa(String.fromCharCode(...new Uint8Array(bytes)));

/** PBKDF2-SHA256 through WebCrypto: 32 bytes, base64. */
export async function hashPin(pin: string, salt: string, iterations = PIN_ITERATIONS): Promise<string> {
  const key = await crypto.subtle.importKey('raw', new TextEncoder().encode(pin), 'PBKDF2', false, ['deriveBits']);
  const saltBytes = Uint8Array.from(atob(salt), (char) => char.charCodeAt(0));
  return base64(await crypto.subtle.deriveBits({ name: 'PBKDF2', hash: 'SHA-256', salt: saltBytes, iterations }, key, 256));
}

/** Same length strings compared without stopping at the first difference. */
function sameHash(left: string, right: string): boolean {
  if (left.length !== right.length) return false;
  let difference = 0;
  for (let index = 0; index < left.length; index += 1) difference |= left.charCodeAt(index) ^ right.charCodeAt(index);
  return difference === 0;
}

/** After a sign-in the API accepted: remember this person (a fresh salt each time) for offline sign-ins. */
export async function rememberStaff(store: StaffStore, member: StaffMember, me: Me, pin: string, now: number, iterations = PIN_ITERATIONS): Promise<void> {
  const salt = base64(crypto.getRandomValues(new Uint8Array(16)));
  await store.put(STAFF_KEY_PREFIX + member.id, { member, me, salt, hash: await hashPin(pin, salt, iterations), iterations, signedInAt: now, failures: 0 });
}

/** Who may sign in here offline now: signed in with the network in the last 12 hours, not locked out by wrong PINs. */
export async function offlineStaff(store: StaffStore, now: number): Promise<StaffMember[]> {
  return (await store.all())
    .filter((staff) => now - staff.signedInAt <= OFFLINE_SIGN_IN_MS && staff.failures < OFFLINE_PIN_TRIES)
    .map((staff) => staff.member)
    .sort((a, b) => a.name.localeCompare(b.name));
}

export type OfflineSignIn = { me: Me } | { refused: string };

/** Checks a PIN against the hash kept on this tablet; each wrong one counts toward the offline lockout. */
export async function signInOffline(store: StaffStore, userId: string, pin: string, now: number): Promise<OfflineSignIn> {
  const staff = await store.get(STAFF_KEY_PREFIX + userId);
  if (!staff || now - staff.signedInAt > OFFLINE_SIGN_IN_MS) {
    return { refused: 'Without the network only staff who signed in on this till in the last 12 hours can sign in.' };
  }
  if (staff.failures >= OFFLINE_PIN_TRIES) return { refused: 'Too many wrong PINs: sign in again once the till is back online.' };
  if (sameHash(await hashPin(pin, staff.salt, staff.iterations), staff.hash)) {
    if (staff.failures > 0) await store.put(STAFF_KEY_PREFIX + userId, { ...staff, failures: 0 });
    return { me: staff.me };
  }
  await store.put(STAFF_KEY_PREFIX + userId, { ...staff, failures: staff.failures + 1 });
  return { refused: 'That PIN is not right. Try again.' };
}

/** The remembered staff in the till's `meta` store, under `offline-staff:<user id>`. */
export function tillStaffStore(db: TillDb): StaffStore {
  return {
    get: (key) => db.get<RememberedStaff>(STORES.meta, key),
    put: (key, value) => db.write([STORES.meta], (transaction) => transaction.objectStore(STORES.meta).put(value, key)),
    all: () =>
      new Promise((resolve, reject) => {
        const range = IDBKeyRange.bound(STAFF_KEY_PREFIX, `${STAFF_KEY_PREFIX}\uffff`);
        const request = db.db.transaction(STORES.meta).objectStore(STORES.meta).getAll(range);
        request.onsuccess = () => resolve(request.result as RememberedStaff[]);
        request.onerror = () => reject(request.error);
      }),
  };
}

/** The lock screen's calls, on the till's database (this module loads apart from /pos's first load). */
export const offlineStaffOf = (db: TillDb) => offlineStaff(tillStaffStore(db), Date.now());
export const rememberSignIn = (db: TillDb, member: StaffMember, me: Me, pin: string) => rememberStaff(tillStaffStore(db), member, me, pin, Date.now());
export const signInOfflineAt = (db: TillDb, userId: string, pin: string) => signInOffline(tillStaffStore(db), userId, pin, Date.now());
