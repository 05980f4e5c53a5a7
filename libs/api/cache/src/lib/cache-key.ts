import { createHash } from 'node:crypto';
import type { CacheArea } from './cache-areas';

/** What an answer depends on besides the tenant: its parameters and, where it matters, the caller's stores. */
export type CacheKeyParts = Record<string, string | number | boolean | null | undefined | readonly string[]>;

/**
 * `t:{<tenant>}:<area>:gen`: the counter whose bump invalidates the whole (tenant, area) in O(1) (DESIGN.md §7). The
 * braces are a Redis Cluster hash tag: every key of a tenant (counters, entries, locks) lives on one slot, so a script
 * may read the generation and the entry under it together.
 */
export function generationKey(tenantId: string, area: CacheArea): string {
  return `t:{${tenantId}}:${area}:gen`;
}

/** `t:{<tenant>}:<area>:<generation>:<hash>`; the hash is over the parts in a stable order, so `{a, b}` and `{b, a}` meet. */
export function entryKey(tenantId: string, area: CacheArea, generation: number, parts: CacheKeyParts): string {
  const { before, after } = entryKeyAround(tenantId, area, parts);
  return `${before}${generation}${after}`;
}

/** An entry's key without its generation (what goes `before` and `after` it), for a lookup that reads the generation itself. */
export function entryKeyAround(tenantId: string, area: CacheArea, parts: CacheKeyParts): { before: string; after: string } {
  const stable = JSON.stringify(
    Object.keys(parts)
      .sort()
      .map((name) => [name, parts[name] ?? null]),
  );
  return { before: `t:{${tenantId}}:${area}:`, after: `:${hashOf(stable)}` };
}

/** The hashes of the parts read lately: the same few queries repeat (a list's first page), hashing them each time showed in profiles. */
const recentHashes = new Map<string, string>();
const RECENT_HASHES = 4_096;

function hashOf(stable: string): string {
  let hash = recentHashes.get(stable);
  if (hash === undefined) {
    hash = createHash('sha256').update(stable).digest('base64url').slice(0, 22);
    if (recentHashes.size >= RECENT_HASHES) recentHashes.clear();
    recentHashes.set(stable, hash);
  }
  return hash;
}
