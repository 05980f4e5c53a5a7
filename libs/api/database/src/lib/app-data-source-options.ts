import { Client } from 'pg';
import type { DataSourceOptions } from 'typeorm';
import { APP_ROLE } from './app-role';
import type { DatabaseEndpoint } from './database-endpoint';
import type { DatabaseSettings } from './database-settings';

/**
 * The pool the API queries through, as the non-owner app role. On real PostgreSQL each
 * connection switches role in its startup packet. PGlite shares one session across connections
 * and ignores startup options, so there the role is set once (see `switchEmbeddedSessionToAppRole`)
 * and the single connection is kept open.
 */
export function appDataSourceOptions(endpoint: DatabaseEndpoint, settings: DatabaseSettings): DataSourceOptions {
  return {
    type: 'postgres',
    url: endpoint.url,
    applicationName: 'kassa-api',
    extra: endpoint.embedded ? { max: 1, idleTimeoutMillis: 0 } : { max: settings.poolSize, options: `-c role=${APP_ROLE}` },
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
