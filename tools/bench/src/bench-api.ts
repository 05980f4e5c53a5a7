import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '@kassa/api/bootstrap';
import { loadAppConfig } from '@kassa/api/config';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';

export interface BenchApi {
  app: NestFastifyApplication;
  database: TestDatabase;
  close(): Promise<void>;
}

/** The real API on a fresh database of its own and real Redis under its own prefix, initialised, not listening. */
export async function startBenchApi(env: Record<string, string> = {}): Promise<BenchApi> {
  const database = await createTestDatabase();
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
      await database.drop();
    },
  };
}
