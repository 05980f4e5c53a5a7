import { invalidField } from '@kassa/api/http';
import type { SheetColumn } from './xlsx-document';

/** An export's columns in both forms: its CSV keys, and the xlsx column at the same position as each key. */
export interface ExportColumns<Row, Key extends keyof Row & string> {
  csvHeader: readonly Key[];
  sheetColumns: SheetColumn<Row>[];
}

/**
 * The export's columns, or those `columns` names (CSV keys, comma-separated) in that order, for both
 * forms; an unknown or repeated name is 400 naming `columns`.
 */
export function pickExportColumns<Row, Key extends keyof Row & string>(all: ExportColumns<Row, Key>, columns?: string): ExportColumns<Row, Key> {
  if (columns === undefined) return all;
  const keys = columns.split(',').map((key) => key.trim());
  const unknown = keys.filter((key) => !(all.csvHeader as readonly string[]).includes(key));
  if (unknown.length > 0 || new Set(keys).size !== keys.length) {
    throw invalidField('columns', `columns must be distinct names among ${all.csvHeader.join(', ')}${unknown.length ? ` (not ${unknown.join(', ')})` : ''}`);
  }
  const picked = keys as Key[];
  return { csvHeader: picked, sheetColumns: picked.map((key) => all.sheetColumns[all.csvHeader.indexOf(key)]) };
}
