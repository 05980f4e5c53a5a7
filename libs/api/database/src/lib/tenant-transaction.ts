import { Injectable } from '@nestjs/common';
import { isUuid } from '@kassa/contracts';
import { DataSource, EntityManager, QueryRunner } from 'typeorm';
import { trackTransaction } from './after-commit';

/**
 * Runs work in one transaction scoped to a tenant: `app.tenant_id` is set transaction-locally
 * first, so row-level security shows and accepts only that tenant's rows, and the setting
 * cannot outlive the transaction on a pooled connection.
 */
@Injectable()
export class TenantTransaction {
  constructor(private readonly dataSource: DataSource) {}

  async run<T>(tenantId: string, work: (manager: EntityManager) => Promise<T>): Promise<T> {
    if (!isUuid(tenantId)) {
      throw new TypeError(`tenant id must be a UUID, got ${JSON.stringify(tenantId)}`);
    }
    const runner = this.dataSource.createQueryRunner();
    let result: T;
    let transaction: ReturnType<typeof trackTransaction> | undefined;
    try {
      await startTenantTransaction(runner, tenantId);
      transaction = trackTransaction(runner.manager);
      result = await work(runner.manager);
      await runner.commitTransaction();
    } catch (error) {
      // The work's error is the one to report; a rollback that fails too (a lost connection) has nothing to add.
      if (runner.isTransactionActive) await runner.rollbackTransaction().catch(() => undefined);
      transaction?.rolledBack();
      throw error;
    } finally {
      await runner.release();
    }
    await transaction.committed();
    return result;
  }
}

/**
 * `START TRANSACTION` and the tenant setting in one round trip (TypeORM's `startTransaction` would take one for
 * each): a simple-protocol query of two statements, which is why the id is written into the text — only ever a
 * checked UUID. TypeORM is told its transaction is open, as its own `startTransaction` would leave it, so
 * `save` does not open another and a nested `transaction` takes a savepoint.
 */
async function startTenantTransaction(runner: QueryRunner, tenantId: string): Promise<void> {
  // Marked open before it is sent, as TypeORM does: if the second statement fails, the rollback still runs.
  const bookkeeping = runner as unknown as { isTransactionActive: boolean; transactionDepth: number };
  bookkeeping.isTransactionActive = true;
  bookkeeping.transactionDepth = 1;
  await runner.query(`START TRANSACTION; SELECT set_config('app.tenant_id', '${tenantId}', true)`);
}
