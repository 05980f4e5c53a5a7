import 'reflect-metadata';
import { closeOnSignals, createApiApp, startWorker } from '@kassa/api/bootstrap';
import { ConfigError, loadAppConfig } from '@kassa/api/config';

async function main(): Promise<void> {
  const config = loadAppConfig();
  if (config.role === 'worker') {
    await startWorker(config);
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
      `Kassa API on http://localhost:${config.port} (database: ${database === 'embedded' ? `embedded PGlite in ${config.database.dataDir}` : 'PostgreSQL'}, cache/queue/sockets: ${redis === 'redis' ? 'Redis' : 'in-process'})`,
    );
}

main().catch((error: unknown) => {
  // A bad configuration is the operator's to fix: say what, without a stack trace.
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
