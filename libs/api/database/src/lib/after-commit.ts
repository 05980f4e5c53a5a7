import type { EntityManager } from 'typeorm';

const callbacksByTransaction = new WeakMap<EntityManager, (() => void)[]>();

/** Starts collecting after-commit callbacks for a transaction's manager. */
export function trackAfterCommit(manager: EntityManager): () => void {
  const callbacks: (() => void)[] = [];
  callbacksByTransaction.set(manager, callbacks);
  return () => {
    for (const callback of callbacks) callback();
  };
}

/**
 * Runs `callback` once the transaction behind `manager` has committed (never on rollback): the
 * place for in-process signals such as waking the outbox relay. Network I/O still belongs in the
 * outbox, not here. Outside a tracked transaction it runs nothing, so callers keep a fallback.
 */
export function afterCommit(manager: EntityManager, callback: () => void): void {
  callbacksByTransaction.get(manager)?.push(callback);
}
