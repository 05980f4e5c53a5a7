import type { AuditLog } from '@kassa/api/audit';
import type { TenantCache } from '@kassa/api/cache';
import type { RequestContext } from '@kassa/api/http';
import type { DataSource, EntityManager } from 'typeorm';
import type { TenantDto } from './dto/tenant.dto';
import { TenantsService } from './tenants.service';

const tenant = { id: 't1', name: 'Corner shop', currency: 'EUR', timeZone: 'Europe/Berlin', allowNegativeStock: false } as TenantDto;

/** A transaction whose statements answer `rows` (UPDATE … RETURNING as TypeORM answers it: rows and a count). */
function transaction(rows: object[]) {
  const query = jest.fn(async (sql: string) => (/^\s*UPDATE/i.test(sql) ? [rows, rows.length] : rows));
  const actor: RequestContext['actor'] = { kind: 'user', userId: 'u1', role: 'owner', storeIds: [], permissions: [] };
  return { query, context: { manager: { query } as unknown as EntityManager, tenantId: 't1', actor } as RequestContext };
}

describe('TenantsService.current', () => {
  // A cache that always misses: what is under test here is the once-per-transaction read.
  const cache = { read: (_scope: unknown, _area: unknown, _parts: unknown, load: () => Promise<unknown>) => load(), invalidate: jest.fn() };
  const sut = new TenantsService({} as DataSource, { record: jest.fn() } as unknown as AuditLog, cache as unknown as TenantCache);

  it('reads the tenant once per transaction, however many services ask', async () => {
    const { query, context } = transaction([tenant]);
    expect(await sut.current(context)).toEqual(tenant);
    expect(await sut.current({ ...context })).toEqual(tenant);
    expect(query).toHaveBeenCalledTimes(1);
  });

  it('reads it again in the next transaction', async () => {
    const first = transaction([tenant]);
    const second = transaction([{ ...tenant, currency: 'CHF' }]);
    await sut.current(first.context);
    expect((await sut.current(second.context)).currency).toBe('CHF');
  });

  it('answers the tenant as updated after an update in the same transaction', async () => {
    const { query, context } = transaction([tenant]);
    await sut.current(context);
    query.mockImplementation(async () => [[{ ...tenant, allowNegativeStock: true }], 1]);
    await sut.update(context, { allowNegativeStock: true });
    query.mockClear();
    expect((await sut.current(context)).allowNegativeStock).toBe(true);
    expect(query).not.toHaveBeenCalled();
  });
});
