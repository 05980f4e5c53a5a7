/** What the database layer needs from the app's validated config. */
export interface DatabaseSettings {
  /** Real PostgreSQL, connecting as the schema owner. Absent: embedded PGlite under `dataDir`. */
  url?: string;
  /** Where embedded mode keeps its files. */
  dataDir: string;
  /** Pool size on real PostgreSQL; embedded mode always uses one connection. */
  poolSize: number;
  /** Apply pending migrations before serving (the quick start and single-node installs). */
  migrateOnStart: boolean;
}
