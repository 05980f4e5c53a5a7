/** SQL rendering a timestamptz column as an ISO 8601 UTC string (`2026-11-26T09:30:00.000Z`), as JSON carries it. */
export function isoTime(column: string): string {
  return `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')`;
}
