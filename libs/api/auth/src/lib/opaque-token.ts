import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import { isUuid } from '@kassa/contracts';

/**
 * Refresh tokens, password links and API keys: `<prefix><base64url(tenant id, row id, 32 random bytes)>`.
 * The tenant and row ids let the server find the row inside that tenant's row-level security
 * without any cross-tenant lookup; only a SHA-256 of the secret is stored.
 */
export interface OpaqueToken {
  tenantId: string;
  id: string;
  secret: Buffer;
}

const uuidToBytes = (uuid: string) => Buffer.from(uuid.replace(/-/g, ''), 'hex');
const bytesToUuid = (bytes: Buffer) => bytes.toString('hex').replace(/^(.{8})(.{4})(.{4})(.{4})(.{12})$/, '$1-$2-$3-$4-$5');

export function newOpaqueToken(tenantId: string, id: string): OpaqueToken {
  return { tenantId, id, secret: randomBytes(32) };
}

export function encodeOpaqueToken(prefix: string, token: OpaqueToken): string {
  return prefix + Buffer.concat([uuidToBytes(token.tenantId), uuidToBytes(token.id), token.secret]).toString('base64url');
}

export function decodeOpaqueToken(prefix: string, text: string): OpaqueToken | undefined {
  if (!text.startsWith(prefix)) return undefined;
  const bytes = Buffer.from(text.slice(prefix.length), 'base64url');
  if (bytes.length !== 64) return undefined;
  const tenantId = bytesToUuid(bytes.subarray(0, 16));
  const id = bytesToUuid(bytes.subarray(16, 32));
  return isUuid(tenantId) && isUuid(id) ? { tenantId, id, secret: bytes.subarray(32) } : undefined;
}

export function hashSecret(secret: Buffer): Buffer {
  return createHash('sha256').update(secret).digest();
}

export function secretMatches(secret: Buffer, storedHash: Buffer): boolean {
  return timingSafeEqual(hashSecret(secret), storedHash);
}
