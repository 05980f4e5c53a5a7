import 'reflect-metadata';
import cluster from 'node:cluster';
import type { Type } from '@nestjs/common';
import { closeOnSignals, createApiApp, runApiCluster } from '@kassa/api/bootstrap';
import { loadAppConfig } from '@kassa/api/config';
import { EventsProbeModule } from './events-probe.module';
import { IdempotencyProbeModule } from './idempotency-probe.module';
import { recordResponses } from './response-record';

/** The probe modules a suite may mount in the cluster, by class name (TEST_API_PROBES). */
const PROBES: Record<string, Type> = { EventsProbeModule, IdempotencyProbeModule };

/**
 * The API as apps/api/src/main.ts runs it with API_WORKERS > 1 (runApiCluster, createApiApp), from source and with the
 * suite's probe modules, which the built API cannot mount: startTestApi runs it when TEST_API_WORKERS is set.
 */
async function main(): Promise<void> {
  const config = loadAppConfig();
  if (cluster.isPrimary) {
    // Stop with the Jest worker that started it, should that exit without stopping it (a timed-out beforeAll).
    const parent = process.ppid;
    const orphaned = setInterval(() => {
      if (process.ppid === parent) return;
      clearInterval(orphaned);
      process.kill(process.pid, 'SIGTERM');
    }, 1_000).unref();
    await runApiCluster(config.apiWorkers, (message) => console.log(message));
    return;
  }
  const probeModules = (process.env['TEST_API_PROBES'] ?? '')
    .split(',')
    .filter(Boolean)
    .map((name) => {
      if (!PROBES[name]) throw new Error(`TEST_API_PROBES: ${name} is not among test-api-cluster.main.ts's probe modules`);
      return PROBES[name];
    });
  const app = await createApiApp(config, { probeModules });
  recordResponses(app.getHttpAdapter().getInstance());
  closeOnSignals(app);
  await app.listen({ port: config.port, host: config.host });
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
