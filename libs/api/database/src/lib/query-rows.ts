import type { EntityManager } from 'typeorm';

/**
 * The rows a statement returns. TypeORM answers `UPDATE|DELETE … RETURNING` on PostgreSQL with
 * `[rows, affectedCount]` instead of the rows; this evens that out.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, parameters?: unknown[]): Promise<T[]> {
  const result = await manager.query(sql, parameters);
  return /^\s*(UPDATE|DELETE)\b/i.test(sql) ? result[0] : result;
}
