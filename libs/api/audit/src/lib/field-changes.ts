export type FieldChanges = Record<string, [unknown, unknown]>;

const SECRET_FIELD = /password|secret|token|hash|apikey|^key$/i;
export const REDACTED = '[redacted]';

/** Equal as JSON (how the log stores them); two strings or booleans are that only when identical, which skips the serialising. */
const same = (a: unknown, b: unknown) =>
  a === b || ((typeof a === 'object' || typeof b === 'object' || typeof a === 'number' || typeof b === 'number') && JSON.stringify(a) === JSON.stringify(b));

/**
 * Field-level differences `{ field: [before, after] }` between two versions of an entity
 * (either may be absent, for a create or a delete). Secrets show only that they changed.
 */
export function fieldChanges(before?: object, after?: object): FieldChanges {
  const changes: FieldChanges = {};
  const fields = new Set([...Object.keys(before ?? {}), ...Object.keys(after ?? {})]);
  for (const field of fields) {
    const was = (before as Record<string, unknown> | undefined)?.[field] ?? null;
    const now = (after as Record<string, unknown> | undefined)?.[field] ?? null;
    if (same(was, now)) continue;
    changes[field] = SECRET_FIELD.test(field) ? [was === null ? null : REDACTED, now === null ? null : REDACTED] : [was, now];
  }
  return changes;
}

/**
 * One field of an entity in SQL: its name, and SQL expressions of its value before and after (`null` for none, as in a
 * create), of the same type. Cheap ones read best (a column): each may be evaluated twice.
 */
export type SqlField = readonly [name: string, before: string | null, after: string | null];

/**
 * `fieldChanges` in SQL, for a statement that audits the rows it writes (decision 0045): a jsonb object of the listed
 * fields whose values differ, `[before, after]`, SQL NULL as JSON null. Values are compared as SQL values of their type,
 * which for a row's text, numbers, booleans, uuids and arrays of them is comparing them as JSON. Secrets are masked as
 * `fieldChanges` masks them, decided here once by each field's name rather than per row.
 */
export function fieldChangesSql(fields: readonly SqlField[]): string {
  const pairs: string[] = [];
  const unchanged: string[] = [];
  for (const [name, before, after] of fields) {
    if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(name)) throw new Error(`not a field name: ${name}`);
    const shown = (value: string | null) =>
      value === null ? 'NULL' : SECRET_FIELD.test(name) ? `CASE WHEN ${value} IS NULL THEN NULL ELSE '${JSON.stringify(REDACTED)}'::jsonb END` : value;
    pairs.push(`'${name}', jsonb_build_array(${shown(before)}, ${shown(after)})`);
    const same =
      before === null ? (after === null ? 'true' : `${after} IS NULL`) : after === null ? `${before} IS NULL` : `${before} IS NOT DISTINCT FROM ${after}`;
    unchanged.push(`CASE WHEN ${same} THEN '${name}' END`);
  }
  // Every pair, less the fields that did not change (`-` skips the NULLs of the others).
  return `(jsonb_build_object(${pairs.join(', ')}) - ARRAY[${unchanged.join(', ')}]::text[])`;
}

/** Metadata with any secret-looking values masked. */
export function redactSecrets(metadata: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, SECRET_FIELD.test(key) ? REDACTED : value]));
}
