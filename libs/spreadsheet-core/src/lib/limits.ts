export const MAX_SPREADSHEET_ROWS = 50_000;
export const MAX_SPREADSHEET_BYTES = 20 * 1024 * 1024;
/** What the parts of an xlsx/ods zip may expand to: a 20 MB file of real data stays far below. */
export const MAX_UNCOMPRESSED_BYTES = 200 * 1024 * 1024;
