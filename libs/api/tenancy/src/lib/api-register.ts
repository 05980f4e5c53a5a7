import { uuidv7 } from '@kassa/contracts';
import type { EntityManager } from 'typeorm';

/** Every store has one `api` register from its creation: the server numbers its receipts. */
export async function insertApiRegister(manager: EntityManager, tenantId: string, storeId: string): Promise<void> {
  await manager.query(`INSERT INTO register (tenant_id, id, store_id, name, kind) VALUES ($1, $2, $3, 'API', 'api')`, [tenantId, uuidv7(), storeId]);
}
