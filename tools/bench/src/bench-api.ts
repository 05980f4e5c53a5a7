import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '@kassa/api/bootstrap';
import { loadAppConfig } from '@kassa/api/config';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';

export interface BenchApi {
  app: NestFastifyApplication;
  database: TestDatabase;
  close(): Promise<void>;
}

export interface BenchDatabaseOptions {
  /** Start from a copy of this database (e.g. one a previous run kept) instead of an empty one. */
  template?: string;
  /** Leave the database in place on close (its name is printed), to start later runs from it or to inspect it. */
  keep?: boolean;
}

/** The real API on a fresh database of its own and real Redis under its own prefix, initialised, not listening. */
export async function startBenchApi(env: Record<string, string> = {}, options: BenchDatabaseOptions = {}): Promise<BenchApi> {
  const database = await createTestDatabase(options.template);
  const config = loadAppConfig({
    LOG_LEVEL: 'warn',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: `kassa-bench:${database.name}:`,
    ...env,
  });
  const app = await createApiApp(config);
  await app.init();
  return {
    app,
    database,
    async close() {
      await app.close();
      if (options.keep) console.log(`kept database ${database.name}`);
      else await database.drop();
    },
  };
}
