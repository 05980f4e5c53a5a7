import { Client } from 'pg';
import { uuidv7 } from '@kassa/contracts';

/** The real servers every API suite runs against (DESIGN.md: tests never use the embedded stand-ins). */
export const TEST_POSTGRES_URL = process.env['TEST_DATABASE_URL'] ?? 'postgres://postgres@127.0.0.1:5432/postgres';
export const TEST_REDIS_URL = process.env['TEST_REDIS_URL'] ?? 'redis://127.0.0.1:6379';

export interface TestDatabase {
  name: string;
  /** Connects as the owner (the user the API itself is configured with). */
  url: string;
  drop(): Promise<void>;
}

function databaseUrl(name: string): string {
  const url = new URL(TEST_POSTGRES_URL);
  url.pathname = `/${name}`;
  return url.toString();
}

async function asAdmin<T>(work: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ connectionString: TEST_POSTGRES_URL });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/**
 * A fresh database of its own for one suite, so suites can run in parallel: empty, or a copy of `template`
 * (copied file by file: seconds, however many rows it holds).
 */
export async function createTestDatabase(template?: string): Promise<TestDatabase> {
  const name = `kassa_e2e_${uuidv7().replace(/-/g, '')}`;
  await asAdmin((client) => client.query(`CREATE DATABASE ${name}${template ? ` TEMPLATE ${template}` : ''}`));
  return {
    name,
    url: databaseUrl(name),
    drop: () => asAdmin((client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => undefined),
  };
}
