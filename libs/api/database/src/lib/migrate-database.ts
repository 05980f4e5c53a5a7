import { DataSource } from 'typeorm';
import { GuardedClient } from './guarded-client';
import { migrations } from './migrations';

/** Any fixed number: concurrent starters (replicas, parallel suites on one database) migrate one at a time. */
const MIGRATION_LOCK_KEY = 4_711_2026;

/** Applies pending migrations as the connecting (owner) user; returns the names it applied. */
export async function migrateDatabase(url: string): Promise<string[]> {
  const dataSource = new DataSource({
    type: 'postgres',
    url,
    migrations,
    migrationsTableName: 'schema_migration',
    extra: { max: 1, Client: GuardedClient },
  });
  await dataSource.initialize();
  try {
    await dataSource.query('SELECT pg_advisory_lock($1)', [MIGRATION_LOCK_KEY]);
    const applied = await dataSource.runMigrations({ transaction: 'each' });
    return applied.map((migration) => migration.name);
  } finally {
    await dataSource.query('SELECT pg_advisory_unlock($1)', [MIGRATION_LOCK_KEY]);
    await dataSource.destroy();
  }
}
