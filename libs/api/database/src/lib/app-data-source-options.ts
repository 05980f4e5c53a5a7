import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { APP_ROLE } from './app-role';
import type { DatabaseEndpoint } from './database-endpoint';
import type { DatabaseSettings } from './database-settings';
import { GuardedClient } from './guarded-client';

/**
 * How every API connection to real PostgreSQL starts: as the non-owner app role, and without JIT compilation (decision
 * 0044: a plan whose estimate passed `jit_above_cost` compiled for half a second to run a query of a tenth of a millisecond).
 */
export const APP_CONNECTION_OPTIONS = `-c role=${APP_ROLE} -c jit=off`;

/**
 * The pool the API queries through, as the non-owner app role. On real PostgreSQL each
 * connection switches role (and turns JIT off) in its startup packet. PGlite shares one session across connections
 * and ignores startup options, so there the role is set once (see `switchEmbeddedSessionToAppRole`)
 * and the single connection is kept open.
 */
export function appDataSourceOptions(endpoint: DatabaseEndpoint, settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: endpoint.url,
    applicationName: 'kassa-api',
    extra: endpoint.embedded
      ? { max: 1, idleTimeoutMillis: 0, Client: GuardedClient }
      : { max: settings.poolSize, options: APP_CONNECTION_OPTIONS, Client: GuardedClient },
  };
}

export async function switchEmbeddedSessionToAppRole(url: string): Promise<void> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query(`SET ROLE ${APP_ROLE}`);
  } finally {
    await client.end();
  }
}
