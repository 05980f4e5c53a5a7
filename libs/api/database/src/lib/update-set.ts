/**
 * The `SET` list of a partial update, from a map of column → new value where undefined means
 * "leave as is". Column names come from code, never from input; values become parameters
 * numbered after `firstParameter - 1` existing ones.
 */
export function updateSet(changes: Record<string, unknown>, firstParameter: number): { sql: string; values: unknown[] } {
  const entries = Object.entries(changes).filter(([, value]) => value !== undefined);
  return {
    sql: entries.map(([column], index) => `${column} = $${firstParameter + index}`).join(', '),
    values: entries.map(([, value]) => value),
  };
}
