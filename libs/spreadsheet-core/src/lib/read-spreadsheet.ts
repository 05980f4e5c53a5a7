import { MAX_SPREADSHEET_BYTES } from './limits';
import { Delimiter, readDelimited } from './read-delimited';
import { readWorkbook } from './read-workbook';
import { SheetTable } from './sheet-table';
import { SpreadsheetError } from './spreadsheet-error';

export interface ReadOptions {
  /** The file name or media type, when known; the content decides otherwise. */
  fileName?: string;
  delimiter?: Delimiter;
}

const OLE2 = [0xd0, 0xcf, 0x11, 0xe0];

/** Any spreadsheet a shop makes — xlsx, xls, ods, csv, tsv — to one table. */
export function readSpreadsheet(bytes: Uint8Array, options: ReadOptions = {}): SheetTable {
  if (bytes.byteLength > MAX_SPREADSHEET_BYTES) {
    throw new SpreadsheetError('too_large', `At most ${MAX_SPREADSHEET_BYTES / 1024 / 1024} MB per file.`);
  }
  if (isWorkbook(bytes, options.fileName)) return readWorkbook(bytes);
  return readDelimited(bytes, options.delimiter ?? (/\.tsv$/i.test(options.fileName ?? '') ? '\t' : undefined));
}

function isWorkbook(bytes: Uint8Array, fileName = ''): boolean {
  if (/\.(xlsx|xlsm|xls|ods)$/i.test(fileName)) return true;
  if (/\.(csv|tsv|txt)$/i.test(fileName)) return false;
  const zip = bytes[0] === 0x50 && bytes[1] === 0x4b && bytes[2] === 0x03 && bytes[3] === 0x04;
  return zip || OLE2.every((byte, index) => bytes[index] === byte);
}
