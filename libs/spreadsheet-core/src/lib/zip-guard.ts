import { MAX_UNCOMPRESSED_BYTES } from './limits';
import { SpreadsheetError } from './spreadsheet-error';

const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
const CENTRAL_DIRECTORY_ENTRY = 0x02014b50;

/**
 * Refuses a zip (xlsx, ods) whose parts would expand beyond the cap, from the sizes its central
 * directory declares, before anything is inflated: a few kilobytes can otherwise unpack to gigabytes.
 * A ZIP64 size (0xFFFFFFFF) is beyond the cap by definition.
 */
export function assertZipExpandsWithinCap(bytes: Uint8Array, cap = MAX_UNCOMPRESSED_BYTES): void {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const end = findEndOfCentralDirectory(view);
  if (end < 0) throw new SpreadsheetError('unreadable', 'The file is not a readable spreadsheet (its zip directory is missing).');
  const entries = view.getUint16(end + 10, true);
  let offset = view.getUint32(end + 16, true);
  let total = 0;
  for (let entry = 0; entry < entries; entry++) {
    if (offset + 46 > view.byteLength || view.getUint32(offset, true) !== CENTRAL_DIRECTORY_ENTRY) {
      throw new SpreadsheetError('unreadable', 'The file is not a readable spreadsheet (its zip directory is damaged).');
    }
    total += view.getUint32(offset + 24, true);
    if (total > cap) throw new SpreadsheetError('too_large', `The spreadsheet expands to more than ${Math.round(cap / 1024 / 1024)} MB.`);
    offset += 46 + view.getUint16(offset + 28, true) + view.getUint16(offset + 30, true) + view.getUint16(offset + 32, true);
  }
}

function findEndOfCentralDirectory(view: DataView): number {
  const earliest = Math.max(0, view.byteLength - 22 - 0xffff);
  for (let offset = view.byteLength - 22; offset >= earliest; offset--) {
    if (view.getUint32(offset, true) === END_OF_CENTRAL_DIRECTORY) return offset;
  }
  return -1;
}
