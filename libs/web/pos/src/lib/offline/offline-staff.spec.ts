import { webcrypto } from 'node:crypto';
import type { Me, StaffMember } from '../till-api';
import { hashPin, offlineStaff, OFFLINE_PIN_TRIES, PIN_ITERATIONS, rememberStaff, signInOffline, type RememberedStaff, type StaffStore } from './offline-staff';

if (!globalThis.crypto?.subtle) Object.defineProperty(globalThis, 'crypto', { value: webcrypto });

const HOUR = 3_600_000;
// Few iterations in most tests (the count is stored with each hash); the real count is checked once below.
const FAST = 1_000;

function memoryStore(): StaffStore & { rows: Map<string, RememberedStaff> } {
  const rows = new Map<string, RememberedStaff>();
  return {
    rows,
    get: async (key) => rows.get(key),
    put: async (key, value) => void rows.set(key, value),
    all: async () => [...rows.values()],
  };
}
const member = (id: string, name: string): StaffMember => ({ id, name, role: 'cashier', pinSet: true }) as StaffMember;
const meOf = (id: string) => ({ user: { id } }) as unknown as Me;

describe('offline sign-in with PIN hashes kept on the tablet', () => {
  it('hashes with PBKDF2-SHA256, 600,000 iterations and a salt per user, and keeps no PIN', async () => {
    const store = memoryStore();
    await rememberStaff(store, member('u1', 'Cem'), meOf('u1'), '1357', 0);
    await rememberStaff(store, member('u2', 'Ana'), meOf('u2'), '1357', 0);
    const [cem, ana] = [...store.rows.values()];
    expect(cem.iterations).toBe(PIN_ITERATIONS);
    expect(cem.salt).not.toBe(ana.salt);
    expect(cem.hash).not.toBe(ana.hash);
    expect(JSON.stringify([...store.rows.values()])).not.toContain('1357');
    expect(cem.hash).toBe(await hashPin('1357', cem.salt, PIN_ITERATIONS));
  });

  it('signs in with the right PIN within 12 hours of an online sign-in, and refuses a wrong one, a stranger and a stale one', async () => {
    const store = memoryStore();
    await rememberStaff(store, member('u1', 'Cem'), meOf('u1'), '1357', 0, FAST);
    expect(await signInOffline(store, 'u1', '1357', 11 * HOUR)).toEqual({ me: meOf('u1') });
    expect(await signInOffline(store, 'u1', '0000', 11 * HOUR)).toEqual({ refused: 'That PIN is not right. Try again.' });
    expect(await signInOffline(store, 'u9', '1357', HOUR)).toHaveProperty('refused');
    expect(await signInOffline(store, 'u1', '1357', 12 * HOUR + 1)).toEqual({
      refused: 'Without the network only staff who signed in on this till in the last 12 hours can sign in.',
    });
    expect(await offlineStaff(store, 12 * HOUR)).toEqual([member('u1', 'Cem')]);
    expect(await offlineStaff(store, 12 * HOUR + 1)).toEqual([]);
  });

  it(`stops offline sign-in after ${OFFLINE_PIN_TRIES} wrong PINs in a row until the next online sign-in`, async () => {
    const store = memoryStore();
    await rememberStaff(store, member('u1', 'Cem'), meOf('u1'), '1357', 0, FAST);
    for (let attempt = 0; attempt < OFFLINE_PIN_TRIES; attempt += 1) await signInOffline(store, 'u1', '0000', HOUR);
    expect(await signInOffline(store, 'u1', '1357', HOUR)).toEqual({ refused: 'Too many wrong PINs: sign in again once the till is back online.' });
    expect(await offlineStaff(store, HOUR)).toEqual([]);
    await rememberStaff(store, member('u1', 'Cem'), meOf('u1'), '1357', 2 * HOUR, FAST);
    expect(await signInOffline(store, 'u1', '1357', 2 * HOUR)).toEqual({ me: meOf('u1') });
  });
});
