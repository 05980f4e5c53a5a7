import { mkdir } from 'node:fs/promises';
import { PGlite } from '@electric-sql/pglite';
import { PGLiteSocketServer } from '@electric-sql/pglite-socket';

export interface EmbeddedPostgres {
  url: string;
  stop(): Promise<void>;
}

/**
 * PGlite (PostgreSQL compiled to wasm) persisted in `dataDir`, served on a loopback port so the
 * ordinary `pg` driver, TypeORM and the migrations run against it unchanged.
 */
export async function startEmbeddedPostgres(dataDir: string): Promise<EmbeddedPostgres> {
  await mkdir(dataDir, { recursive: true });
  // The contrib extensions the migrations create (catalog search) must be loaded into the wasm build.
  // Their typings are ESM-only, so they come in through import().
  const [{ pg_trgm }, { btree_gin }, { btree_gist }, { unaccent }] = await Promise.all([
    import('@electric-sql/pglite/contrib/pg_trgm'),
    import('@electric-sql/pglite/contrib/btree_gin'),
    import('@electric-sql/pglite/contrib/btree_gist'),
    import('@electric-sql/pglite/contrib/unaccent'),
  ]);
  const db = await PGlite.create(dataDir, { extensions: { pg_trgm, btree_gin, btree_gist, unaccent } });
  // Every connection shares PGlite's single session; a few slots let a pool reconnect cleanly.
  const server = new PGLiteSocketServer({ db, host: '127.0.0.1', port: 0, maxConnections: 4 });
  await server.start();
  return {
    url: `postgres://postgres@${server.getServerConn()}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}
