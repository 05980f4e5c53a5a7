export { DatabaseModule } from './lib/database.module';
export type { DatabaseModuleAsyncOptions } from './lib/database.module';
export type { DatabaseSettings } from './lib/database-settings';
export { DATABASE_ENDPOINT, openDatabaseEndpoint } from './lib/database-endpoint';
export type { DatabaseEndpoint } from './lib/database-endpoint';
export { migrateDatabase } from './lib/migrate-database';
export { TenantTransaction } from './lib/tenant-transaction';
export { APP_ROLE } from './lib/app-role';
export { tenantIsolationSql } from './lib/tenant-isolation.sql';
