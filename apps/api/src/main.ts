import 'reflect-metadata';
import cluster from 'node:cluster';
import { closeOnSignals, createApiApp, runApiCluster, startWorker } from '@kassa/api/bootstrap';
import { ConfigError, loadAppConfig } from '@kassa/api/config';

async function main(): Promise<void> {
  const config = loadAppConfig();
  if (config.role === 'worker') {
    await startWorker(config);
    return;
  }
  if (config.apiWorkers > 1 && cluster.isPrimary) {
    await runApiCluster(config.apiWorkers, (message) => console.log(message));
    return;
  }
  const app = await createApiApp(config);
  closeOnSignals(app);
  await app.listen({ port: config.port, host: config.host });
  const { database, redis } = config.runtimeMode;
  app
    .getHttpAdapter()
    .getInstance()
    .log.info(
      {
        runtime: config.runtimeMode,
        dataDir: database === 'embedded' ? config.database.dataDir : undefined,
      },
      `Kassa API on http://localhost:${config.port} (database: ${database === 'embedded' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL'}, cache/queue/sockets: ${redis === 'redis' ? 'Redis' : 'in-process'}, ${config.apiWorkers} API process${config.apiWorkers > 1 ? 'es' : ''})`,
    );
}

main().catch((error: unknown) => {
  // A bad configuration is the operator's to fix: say what, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
