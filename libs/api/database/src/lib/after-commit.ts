import type { EntityManager } from 'typeorm';

type AfterCommitCallback = () => void | Promise<void>;

interface TrackedTransaction {
  committed: AfterCommitCallback[];
  rolledBack: (() => void)[];
}

const trackedTransactions = new WeakMap<EntityManager, TrackedTransaction>();

/**
 * Starts tracking a transaction's manager: `committed` runs the after-commit callbacks and waits for them,
 * `rolledBack` tells whoever waits on the transaction's outcome that it did not commit.
 */
export function trackTransaction(manager: EntityManager): { committed: () => Promise<void>; rolledBack: () => void } {
  const tracked: TrackedTransaction = { committed: [], rolledBack: [] };
  trackedTransactions.set(manager, tracked);
  return {
    committed: async () => {
      await Promise.all(tracked.committed.map((callback) => callback()));
    },
    rolledBack: () => tracked.rolledBack.forEach((callback) => callback()),
  };
}

/**
 * Runs `callback` once the transaction behind `manager` has committed (never on rollback), before the
 * transaction's caller goes on: the place for in-process signals such as waking the outbox relay, and
 * for cache invalidation (which must land before the writer answers). Other network I/O still belongs
 * in the outbox. Outside a tracked transaction it runs nothing and answers false, so callers keep a fallback.
 */
export function afterCommit(manager: EntityManager, callback: AfterCommitCallback): boolean {
  const tracked = trackedTransactions.get(manager);
  tracked?.committed.push(callback);
  return tracked !== undefined;
}

/**
 * Resolves true once the transaction behind `manager` has committed and false if it rolls back; true at once
 * outside a tracked transaction (there is nothing to wait for). For a streamed answer whose end must not reach
 * the client before what the request wrote is visible.
 */
export function transactionOutcome(manager: EntityManager): Promise<boolean> {
  const tracked = trackedTransactions.get(manager);
  if (!tracked) return Promise.resolve(true);
  return new Promise((resolve) => {
    tracked.committed.push(() => resolve(true));
    tracked.rolledBack.push(() => resolve(false));
  });
}
