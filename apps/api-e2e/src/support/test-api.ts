import { mkdtempSync, rmSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Type } from '@nestjs/common';
import type { NestFastifyApplication } from '@nestjs/platform-fastify';
import request from 'supertest';
import { createApiApp } from '@kassa/api/bootstrap';
import { AppConfig, loadAppConfig } from '@kassa/api/config';
import { createTestDatabase, freePort, ServerProcess, startApiProcess, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';
import { recordResponses } from './response-record';
import { watchShutdown } from './shutdown-watch';

export interface TestApi {
  /** The API in this process: for fixtures and internals (`app.get(...)`), and the one `http()` reaches unless in workers mode. */
  app: NestFastifyApplication;
  /**
   * Requests to the API under test: the in-process app, or with TEST_API_WORKERS=N (the api-e2e-workers project) a
   * cluster of N API processes on the same database, Redis prefix and JWT secret, started beside it.
   */
  http(): ReturnType<typeof request>;
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

/** The real API, in-process, on its own PostgreSQL database and Redis prefix; with TEST_API_WORKERS also as a cluster. */
export async function startTestApi(options: StartTestApiOptions = {}): Promise<TestApi> {
  // 2 in the api-e2e-workers project (apps/api-e2e/jest.workers.config.ts).
  const workers = Number(process.env['TEST_API_WORKERS'] ?? 1);
  const database = options.replicaOf?.database ?? options.database ?? (await createTestDatabase());
  const redisPrefix = options.replicaOf?.redisPrefix ?? `kassa-test:${database.name}:`;
  // Mail without SMTP_URL lands in KASSA_DATA_DIR/mail: each suite gets its own folder, not the workspace's ./data.
  const dataDir = options.env?.KASSA_DATA_DIR ? undefined : mkdtempSync(path.join(tmpdir(), 'kassa-test-api-'));
  const env = {
    NODE_ENV: 'test',
    LOG_LEVEL: 'silent',
    DATABASE_URL: database.url,
    REDIS_URL: TEST_REDIS_URL,
    REDIS_KEY_PREFIX: redisPrefix,
    // Shared by replicas of the same test API, as in production.
    JWT_SECRET: `kassa-test-jwt-secret-${database.name}`,
    ...(dataDir ? { KASSA_DATA_DIR: dataDir } : {}),
    ...options.env,
  };
  // Beside a cluster this app is one more replica, for fixtures and internals: its queue consumers and sweeps run as any
  // replica's do. Its relay is off: the cluster's first worker relays, as in production (decision 0039), one relay per API
  // a suite starts, which the outbox suite's count of LISTEN connections expects. More relays would be safe (FOR UPDATE
  // SKIP LOCKED; the outbox suite's "2 relays" test), so this is about that count, not safety.
  const config = loadAppConfig(workers > 1 ? { ...env, OUTBOX_RELAY: 'false' } : env);
  // Both at once: migrations take an advisory lock, so concurrent starters apply them one at a time.
  const [started, clustered] = await Promise.allSettled([
    startInProcess(config, options.probeModules),
    workers > 1 ? startTestApiCluster(workers, env, options.probeModules ?? []) : undefined,
  ]);
  if (started.status === 'rejected') {
    if (clustered.status === 'fulfilled') await clustered.value?.stop();
    throw started.reason;
  }
  if (clustered.status === 'rejected') {
    await started.value.close();
    throw clustered.reason;
  }
  const app = started.value;
  const cluster = clustered.value;
  const shutdown = watchShutdown(app);
  return {
    app,
    http: () => request(cluster?.baseUrl ?? app.getHttpServer()),
    database,
    redisPrefix,
    async close() {
      // A close once hung for 90 s after Redis was stalled and restored (docs/progress/follow-ups.md, #16): say what it waits on.
      const watchdog = setTimeout(
        () => console.error('TestApi.close is still waiting after 30 s on', shutdown.pending(), process.getActiveResourcesInfo()),
        30_000,
      ).unref();
      try {
        if (cluster) await stopTestApiCluster(cluster, workers);
      } finally {
        await app.close().finally(() => clearTimeout(watchdog));
        if (dataDir) rmSync(dataDir, { recursive: true, force: true });
        if (!options.replicaOf) await database.drop();
      }
    },
  };
}

async function startInProcess(config: AppConfig, probeModules: Type[] | undefined): Promise<NestFastifyApplication> {
  const app = await createApiApp(config, { probeModules });
  recordResponses(app.getHttpAdapter().getInstance());
  await app.init();
  await app.getHttpAdapter().getInstance().ready();
  return app;
}

const SWC_REGISTER = path.join(__dirname, 'swc-register.js');
const CLUSTER_MAIN = path.join(__dirname, 'test-api-cluster.main.ts');

/** The API as a node:cluster of `workers` processes (API_WORKERS), run from source with the suite's probe modules. */
async function startTestApiCluster(workers: number, env: Record<string, string>, probeModules: Type[]): Promise<ServerProcess> {
  return startApiProcess(await freePort(), ['-r', SWC_REGISTER, CLUSTER_MAIN], {
    ...env,
    API_WORKERS: String(workers),
    TEST_API_PROBES: probeModules.map((module) => module.name).join(','),
  });
}

/**
 * Stops the cluster, having checked that it answered from every process, and from more than one when the suite sent it
 * requests: each /metrics scrape on a connection of its own answers for the process that took it, with the API
 * requests that process answered. Round robin hands each connection (supertest opens one per request) to the next.
 */
async function stopTestApiCluster(cluster: ServerProcess, workers: number): Promise<void> {
  const answered = new Map<string, number>();
  for (let scrape = 0; answered.size < workers && scrape < 10 * workers; scrape++) {
    const text = await scrapeMetrics(cluster.baseUrl).catch(() => '');
    const pid = /^kassa_process_info\{pid="(\d+)"\} 1$/m.exec(text)?.[1];
    const requests = [...text.matchAll(/^http_request_duration_seconds_count\{[^}]*route="\/api\/[^}]*\} (\d+)$/gm)].reduce((sum, [, n]) => sum + Number(n), 0);
    if (pid) answered.set(pid, requests);
  }
  const code = await cluster.stop();
  if (code !== 0) throw new Error(`the API cluster stopped with ${code}:\n${cluster.output()}`);
  const counts = JSON.stringify(Object.fromEntries(answered));
  if (answered.size < workers) throw new Error(`the API cluster answered from ${answered.size} of ${workers} processes: ${counts}`);
  const total = [...answered.values()].reduce((sum, n) => sum + n, 0);
  if (total >= 10 && [...answered.values()].some((n) => n === 0))
    throw new Error(`the API cluster answered ${total} API requests from one process only: ${counts}`);
}

function scrapeMetrics(baseUrl: string): Promise<string> {
  return new Promise((resolve, reject) => {
    get(`${baseUrl}/metrics`, { agent: false }, (response) => {
      let text = '';
      response.setEncoding('utf8');
      response.on('data', (chunk: string) => (text += chunk));
      response.on('end', () => resolve(text));
    }).on('error', reject);
  });
}
