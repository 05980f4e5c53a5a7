import type { Actor } from '@kassa/api/http';

/** Entries beyond this are pruned of expired ones before another is added. */
const PRUNE_ABOVE = 10_000;

/**
 * Users loaded for access tokens, trusted for `ttlMs` in each process (AUTH_ACTOR_CACHE_MS, decision 0034): a cached
 * read then needs no database at all. The bound is the price: a deactivated user, or a changed role or store list,
 * takes effect at once on the process that made the change (`forget`) and within `ttlMs` on the others. A user not
 * found is never cached.
 */
export class ActorCache {
  private readonly entries = new Map<string, { actor: Actor; until: number }>();

  constructor(
    private readonly ttlMs: number,
    private readonly now: () => number = Date.now,
  ) {}

  async get(tenantId: string, userId: string, load: () => Promise<Actor | undefined>): Promise<Actor | undefined> {
    if (this.ttlMs === 0) return load();
    const key = `${tenantId}:${userId}`;
    const cached = this.entries.get(key);
    if (cached && cached.until > this.now()) return cached.actor;
    const actor = await load();
    if (!actor) {
      this.entries.delete(key);
      return undefined;
    }
    if (this.entries.size >= PRUNE_ABOVE) this.prune();
    this.entries.set(key, { actor, until: this.now() + this.ttlMs });
    return actor;
  }

  forget(tenantId: string, userId: string): void {
    this.entries.delete(`${tenantId}:${userId}`);
  }

  private prune(): void {
    const now = this.now();
    for (const [key, entry] of this.entries) if (entry.until <= now) this.entries.delete(key);
  }
}
