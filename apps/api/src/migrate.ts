import 'reflect-metadata';
import { ConfigError, loadAppConfig } from '@kassa/api/config';
import { openDatabaseEndpoint } from '@kassa/api/database';

/** `npm run db:migrate`: applies pending migrations to DATABASE_URL, or to the embedded database in KASSA_DATA_DIR. */
async function migrate(): Promise<void> {
  const config = loadAppConfig();
  const endpoint = await openDatabaseEndpoint({ ...config.database, migrateOnStart: true });
  await endpoint.close();
  const where = endpoint.embedded ? `embedded database in ${config.database.dataDir}` : 'PostgreSQL';
  const applied = endpoint.appliedMigrations;
  console.log(applied.length ? `Applied to ${where}:\n  ${applied.join('\n  ')}` : `${where}: schema is up to date.`);
}

migrate().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
