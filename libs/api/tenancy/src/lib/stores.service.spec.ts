import { ErrorCode } from '@kassa/contracts';
import type { AuditLog } from '@kassa/api/audit';
import type { RequestContext } from '@kassa/api/http';
import type { EntityManager } from 'typeorm';
import { StoresService } from './stores.service';

const owner: RequestContext['actor'] = { kind: 'user', userId: 'u1', role: 'owner', storeIds: [], permissions: [] };

function transaction(existing: string[], actor: RequestContext['actor'] = owner) {
  const query = jest.fn(async (_sql: string, [id]: string[]) => (existing.includes(id) ? [{ id }] : []));
  return { query, context: { manager: { query } as unknown as EntityManager, actor } as RequestContext };
}

describe('StoresService.assertUsable', () => {
  const sut = new StoresService({} as AuditLog);

  it('asks the database once per store and transaction', async () => {
    const { query, context } = transaction(['s1', 's2']);
    for (const storeId of ['s1', 's1', 's2', 's1']) await sut.assertUsable(context, storeId, 'storeId');
    expect(query).toHaveBeenCalledTimes(2);
    await sut.assertUsable(transaction(['s1']).context, 's1', 'storeId');
  });

  it('refuses a store that is not the shop’s, naming the field it came in', async () => {
    const { context } = transaction([]);
    await expect(sut.assertUsable(context, 's9', 'lines.0.storeId')).rejects.toMatchObject({
      code: ErrorCode.StoreNotFound,
      errors: [{ field: 'lines.0.storeId', message: 'not a store you can use' }],
    });
  });

  it('refuses a store the caller is limited away from without asking the database, with the same answer', async () => {
    const { query, context } = transaction(['s1', 's2'], { kind: 'user', userId: 'u2', role: 'cashier', storeIds: ['s1'], permissions: [] });
    await expect(sut.assertUsable(context, 's2', 'storeId')).rejects.toMatchObject({ code: ErrorCode.StoreNotFound, detail: 'No such store.' });
    expect(query).not.toHaveBeenCalled();
  });
});
