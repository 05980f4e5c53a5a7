import { Injectable } from '@nestjs/common';
import { isUuid } from '@kassa/contracts';
import { DataSource, EntityManager } from 'typeorm';
import { trackAfterCommit } from './after-commit';

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
    let committed: () => Promise<void> = async () => undefined;
    const result = await this.dataSource.transaction(async (manager) => {
      committed = trackAfterCommit(manager);
      await manager.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      return work(manager);
    });
    await committed();
    return result;
  }
}
