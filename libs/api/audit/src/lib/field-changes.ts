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

/** Metadata with any secret-looking values masked. */
export function redactSecrets(metadata: Record<string, unknown>): Record<string, unknown> {
  return Object.fromEntries(Object.entries(metadata).map(([key, value]) => [key, SECRET_FIELD.test(key) ? REDACTED : value]));
}
