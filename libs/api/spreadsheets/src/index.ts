export { neutralizeFormula } from './lib/cell-safety';
export { csvLine, UTF8_BOM } from './lib/csv';
export { minorUnitDigits, xlsxDocument } from './lib/xlsx-document';
export type { ColumnType, SheetColumn } from './lib/xlsx-document';
export { sendExport } from './lib/send-export';
export type { ExportFormat, ExportSheet, SpreadsheetExport } from './lib/send-export';
export { importInvalid, importTooLarge } from './lib/import.exception';
export type { ImportRowProblem } from './lib/import.exception';
