/** Microsecond ISO text of a timestamptz: what a delta's cursor and `syncedTo` carry, exact to the stored value. */
export const exactTime = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/**
 * Until when a delta may claim to be complete: a few seconds behind now, and never after the start of a
 * transaction still running (its rows carry that start as `updated_at` and commit later).
 */
export const SYNCED_TO_SQL = `SELECT ${exactTime(`least(now() - interval '5 seconds', coalesce(oldest_running_transaction_start(), now()))`)} AS "syncedTo"`;
