import { switchEmbeddedSessionToAppRole } from './app-data-source-options';
import { DatabaseSettings } from './database-settings';
import { startEmbeddedPostgres } from './embedded-postgres';
import { migrateDatabase } from './migrate-database';

export const DATABASE_ENDPOINT = Symbol('DATABASE_ENDPOINT');

/** Where the database is reached, whether it is the embedded one this process owns, and what was migrated. */
export interface DatabaseEndpoint {
  url: string;
  embedded: boolean;
  appliedMigrations: string[];
  close(): Promise<void>;
}

/**
 * Reaches the configured PostgreSQL, or starts the embedded one, and brings its schema up to
 * date. Embedded mode always migrates: no other process can reach its files.
 */
export async function openDatabaseEndpoint(settings: DatabaseSettings): Promise<DatabaseEndpoint> {
  if (settings.url) {
    const appliedMigrations = settings.migrateOnStart ? await migrateDatabase(settings.url) : [];
    return { url: settings.url, embedded: false, appliedMigrations, close: async () => undefined };
  }
  const embedded = await startEmbeddedPostgres(settings.dataDir);
  try {
    const appliedMigrations = await migrateDatabase(embedded.url);
    await switchEmbeddedSessionToAppRole(embedded.url);
    return { url: embedded.url, embedded: true, appliedMigrations, close: () => embedded.stop() };
  } catch (error) {
    await embedded.stop();
    throw error;
  }
}
