import type { EntityManager } from 'typeorm';

type AfterCommitCallback = () => void | Promise<void>;

const callbacksByTransaction = new WeakMap<EntityManager, AfterCommitCallback[]>();

/** Starts collecting after-commit callbacks for a transaction's manager; the returned function runs them and waits for them. */
export function trackAfterCommit(manager: EntityManager): () => Promise<void> {
  const callbacks: AfterCommitCallback[] = [];
  callbacksByTransaction.set(manager, callbacks);
  return async () => {
    await Promise.all(callbacks.map((callback) => callback()));
  };
}

/**
 * Runs `callback` once the transaction behind `manager` has committed (never on rollback), before the
 * transaction's caller goes on: the place for in-process signals such as waking the outbox relay, and
 * for cache invalidation (which must land before the writer answers). Other network I/O still belongs
 * in the outbox. Outside a tracked transaction it runs nothing and answers false, so callers keep a fallback.
 */
export function afterCommit(manager: EntityManager, callback: AfterCommitCallback): boolean {
  const callbacks = callbacksByTransaction.get(manager);
  callbacks?.push(callback);
  return callbacks !== undefined;
}
