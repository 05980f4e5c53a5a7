import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import { createApiApp } from '@kassa/api/bootstrap';
import { loadAppConfig } from '@kassa/api/config';
import { createTestDatabase, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';
import { recordResponses } from './response-record';

export interface TestApi {
  app: NestFastifyApplication;
  database: TestDatabase;
  /** This suite's own Redis key prefix (throttling, and later queues and cache). */
  redisPrefix: string;
  close(): Promise<void>;
}

export interface StartTestApiOptions {
  env?: Record<string, string>;
  probeModules?: Type[];
  /** Run as a second replica of this API: same database and Redis prefix (which it does not drop). */
  replicaOf?: TestApi;
  /** Run on this database (dropped on close) instead of a fresh one owned by the test superuser. */
  database?: TestDatabase;
}

/** The real API, in-process, on its own PostgreSQL database and Redis prefix. */
export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  const database = options.replicaOf?.database ?? options.database ?? (await createTestDatabase());
  const redisPrefix = options.replicaOf?.redisPrefix ?? `kassa-test:${database.name}:`;
  // Mail without SMTP_URL lands in KASSA_DATA_DIR/mail: each suite gets its own folder, not the workspace's ./data.
  const dataDir = options.env?.KASSA_DATA_DIR ? undefined : mkdtempSync(path.join(tmpdir(), 'kassa-test-api-'));
  const config = loadAppConfig({
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    // Shared by replicas of the same test API, as in production.
    JWT_SECRET: `kassa-test-jwt-secret-${database.name}`,
    ...(dataDir ? { KASSA_DATA_DIR: dataDir } : {}),
    ...options.env,
  });
  const app = await createApiApp(config, { probeModules: options.probeModules });
  recordResponses(app.getHttpAdapter().getInstance());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return {
    app,
    database,
    redisPrefix,
    async close() {
      await app.close();
      if (dataDir) rmSync(dataDir, { recursive: true, force: true });
      if (!options.replicaOf) await database.drop();
    },
  };
}
