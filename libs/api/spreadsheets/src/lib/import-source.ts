import { ImportKind, readImportRows, SpreadsheetError } from '@kassa/spreadsheet-core';
import { importFileTooLarge, importFileUnreadable, importMappingInvalid, ImportRowProblem } from './import.exception';
import { SpreadsheetUpload } from './spreadsheet-upload';

/**
 * Rows to import, whether posted as JSON or read from a file. For a file, `lines` gives each row's
 * line in it, `problems` the cells that could not be read and `notes` what the preview should show.
 */
export interface ImportSource {
  rows: Record<string, unknown>[];
  lines?: number[];
  problems: ImportRowProblem[];
  notes: ImportRowProblem[];
  unknownColumns: string[];
}

export interface ShopFormat {
  locale: string;
  currency: string;
}

/** How a file's columns become fields: the JSON mapping posted with it, over the one the shop remembered. */
export interface FileColumns {
  mapping?: string;
  remembered?: Readonly<Record<string, string | null>>;
}

export function jsonImportSource(rows: Record<string, unknown>[]): ImportSource {
  return { rows, problems: [], notes: [], unknownColumns: [] };
}

/** A posted file to import rows, read in the shop's locale; the file reader (SheetJS) loads with the first file. */
export async function fileImportSource(upload: SpreadsheetUpload, kind: ImportKind, shop: ShopFormat, columns: FileColumns = {}): Promise<ImportSource> {
  const { readSpreadsheet } = await import('@kassa/spreadsheet-core/read');
  try {
    const table = readSpreadsheet(new Uint8Array(upload.bytes.buffer, upload.bytes.byteOffset, upload.bytes.byteLength), { fileName: upload.fileName });
    const read = readImportRows(table, kind, { ...shop, mapping: mappingOf(columns.mapping), remembered: columns.remembered });
    return {
      rows: read.rows.map((row) => row.values),
      lines: read.rows.map((row) => row.line),
      problems: read.problems,
      notes: read.notes,
      unknownColumns: read.unknownColumns,
    };
  } catch (error) {
    if (!(error instanceof SpreadsheetError)) throw error;
    if (error.reason === 'too_large') throw importFileTooLarge(error.message);
    if (error.reason === 'mapping_invalid') throw importMappingInvalid(error.message);
    throw importFileUnreadable(error.message);
  }
}

function mappingOf(json: string | undefined): Record<string, string | null> | undefined {
  if (json === undefined) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(json);
  } catch {
    throw importMappingInvalid('mapping must be JSON: { "column in the file": "field" or null }');
  }
  const valid =
    typeof parsed === 'object' &&
    parsed !== null &&
    !Array.isArray(parsed) &&
    Object.values(parsed).every((field) => field === null || typeof field === 'string');
  if (!valid) throw importMappingInvalid('mapping must be an object of column names to field names (or null to ignore a column)');
  return parsed as Record<string, string | null>;
}
