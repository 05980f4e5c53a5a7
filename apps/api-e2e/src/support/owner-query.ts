import { Client } from 'pg';
import type { TestApi } from './test-api';

/** Reads or writes as the schema owner (bypassing nothing but the API): for assertions on stored rows. */
export async function ownerQuery<T = Record<string, unknown>>(api: TestApi, sql: string, parameters: unknown[] = []): Promise<T[]> {
  const owner = new Client({ connectionString: api.database.url });
  await owner.connect();
  try {
    // The owner is subject to forced row-level security unless superuser; tests connect as the superuser.
    return (await owner.query(sql, parameters)).rows as T[];
  } finally {
    await owner.end();
  }
}
