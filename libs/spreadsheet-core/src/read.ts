// Reading files, SheetJS with it (14 MB of heap): an entry of its own, so the API loads it with the first file it reads
// instead of at start; the browser's import screen reads files in a worker that imports it directly.
export * from './lib/read-spreadsheet';
export * from './lib/read-workbook';
