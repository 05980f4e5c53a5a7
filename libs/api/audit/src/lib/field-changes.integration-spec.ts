import { Client } from 'pg';
import { TEST_POSTGRES_URL } from '@kassa/testing';
import { fieldChanges, fieldChangesSql, SqlField } from './field-changes';

type Entity = Record<string, string | number | boolean | string[] | null>;

const sqlType = (value: unknown) => (Array.isArray(value) ? 'text[]' : typeof value === 'number' ? 'bigint' : typeof value === 'boolean' ? 'boolean' : 'text');

/** `fieldChangesSql` over these two versions, each field a parameter of its type, run by PostgreSQL. */
async function changesInSql(client: Client, before: Entity | undefined, after: Entity | undefined): Promise<unknown> {
  const names = [...new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})])];
  const parameters: unknown[] = [];
  const parameter = (value: unknown, type: string) => `$${parameters.push(value)}::${type}`;
  const fields: SqlField[] = names.map((name) => {
    const type = sqlType(before?.[name] ?? after?.[name]);
    return [name, before ? parameter(before[name] ?? null, type) : null, after ? parameter(after[name] ?? null, type) : null];
  });
  const { rows } = await client.query(`SELECT ${fieldChangesSql(fields)} AS changes`, parameters);
  return rows[0].changes;
}

describe('fieldChangesSql', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ connectionString: TEST_POSTGRES_URL });
    await client.connect();
  });
  afterAll(() => client.end());

  const cases: [string, Entity | undefined, Entity | undefined][] = [
    ['a create', undefined, { id: 'a', name: 'Tea', description: null, priceMinor: 350, active: false, barcodes: ['1', '2'], empty: [] }],
    ['a delete', { id: 'a', name: 'Tea', description: null, priceMinor: 0 }, undefined],
    [
      'an update',
      { name: 'Tea', description: 'old', priceMinor: 350, active: true, barcodes: ['1', '2'], note: null, same: 'x' },
      { name: 'Tea', description: null, priceMinor: 351, active: false, barcodes: ['2', '1'], note: 'new', same: 'x' },
    ],
    ['secrets', { passwordHash: 'h1', apiKey: null, key: 'k', token: 't' }, { passwordHash: 'h2', apiKey: 'new', key: 'k', token: null }],
    ['secrets created', undefined, { passwordHash: 'h', secretNote: null }],
    ['nothing changed', { name: 'Tea', n: 1 }, { name: 'Tea', n: 1 }],
  ];

  it.each(cases)('answers what fieldChanges answers for %s', async (_, before, after) => {
    expect(await changesInSql(client, before, after)).toEqual(fieldChanges(before, after));
  });

  it('refuses a field name it would have to quote', () => {
    expect(() => fieldChangesSql([["name'); DROP TABLE audit_log; --", null, 'x']])).toThrow('not a field name');
  });
});
