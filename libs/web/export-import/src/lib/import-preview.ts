import { ImportKind, readImportRows, RowIssue, SpreadsheetError } from '@kassa/spreadsheet-core';
import { readSpreadsheet } from '@kassa/spreadsheet-core/read';
import type { ColumnMapping } from './column-mapping';

/** The shop's locale and currency: they decide how `1.234` and `12,50` read. */
export interface ShopFormat {
  locale: string;
  currency: string;
}

/** What the browser reads from the file before anything is sent: the same reading the API does. */
export type FilePreview =
  | { readable: true; headers: string[]; rows: number; problems: RowIssue[]; notes: RowIssue[]; unknownColumns: string[] }
  | { readable: false; reason: SpreadsheetError['reason']; message: string };

/** Reads a picked file with libs/spreadsheet-core (in a worker for big files): headers for the mapping step, then the local preview. */
export function previewFile(bytes: Uint8Array, fileName: string, kind: ImportKind, shop: ShopFormat, mapping?: ColumnMapping): FilePreview {
  try {
    const table = readSpreadsheet(bytes, { fileName });
    const read = readImportRows(table, kind, { ...shop, mapping });
    return { readable: true, headers: table.headers, rows: read.rows.length, problems: read.problems, notes: read.notes, unknownColumns: read.unknownColumns };
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    return { readable: false, reason: error.reason, message: error.message };
  }
}
