/** A value read from a cell, or what the user must fix; a note is a change the preview should show. */
export type CellValue<T> = { ok: true; value: T; note?: string } | { ok: false; message: string };

export const valueOf = <T>(value: T, note?: string): CellValue<T> => (note ? { ok: true, value, note } : { ok: true, value });
export const problem = <T>(message: string): CellValue<T> => ({ ok: false, message });
