/**
 * UUIDv7 (RFC 9562): 48-bit Unix milliseconds, then random bits. Ids sort by creation time,
 * which keeps B-tree inserts local. Works in Node 20 and browsers (global Web Crypto), so the
 * POS can mint ids offline.
 */
export function uuidv7(now: number = Date.now()): string {
  const bytes = randomBytes16();
  let millis = now;
  for (let i = 5; i >= 0; i--) {
    bytes[i] = millis % 256;
    millis = Math.floor(millis / 256);
  }
  bytes[6] = 0x70 | (bytes[6] & 0x0f);
  bytes[8] = 0x80 | (bytes[8] & 0x3f);
  let id = '';
  for (let i = 0; i < 16; i++) id += (i === 4 || i === 6 || i === 8 || i === 10 ? '-' : '') + HEX[bytes[i]];
  return id;
}

const HEX = Array.from({ length: 256 }, (_, byte) => byte.toString(16).padStart(2, '0'));
// Random bytes for 256 ids at a time: one getRandomValues call costs about as much as filling the whole pool
// (an import mints 150,000 ids), the way Node's randomUUID keeps a pool.
const POOL_IDS = 256;
const pool = new Uint8Array(16 * POOL_IDS);
let poolNext = POOL_IDS;

function randomBytes16(): Uint8Array {
  if (poolNext === POOL_IDS) {
    globalThis.crypto.getRandomValues(pool);
    poolNext = 0;
  }
  const bytes = pool.slice(poolNext * 16, poolNext * 16 + 16);
  poolNext++;
  return bytes;
}

const UUID_PATTERN = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

export function isUuid(value: string): boolean {
  return UUID_PATTERN.test(value);
}

/** The creation time encoded in a UUIDv7. */
export function uuidv7Timestamp(id: string): number {
  return parseInt(id.replace(/-/g, '').slice(0, 12), 16);
}
