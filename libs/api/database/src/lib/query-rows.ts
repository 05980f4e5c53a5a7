import type { EntityManager } from 'typeorm';

/**
 * The rows a statement returns. TypeORM answers an `UPDATE|DELETE … RETURNING` on PostgreSQL (a `WITH … UPDATE` too)
 * with `[rows, affectedCount]` instead of the rows; this evens that out. Rows are objects, never arrays, so the shape tells.
 */
export async function queryRows<T>(manager: EntityManager, sql: string, parameters?: unknown[]): Promise<T[]> {
  const result: unknown[] = await manager.query(sql, parameters);
  return result.length === 2 && Array.isArray(result[0]) && typeof result[1] === 'number' ? (result[0] as T[]) : (result as T[]);
}
