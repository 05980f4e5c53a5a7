export { confirmedMapping, fieldsMappedTwice, importFields, proposeMapping } from './lib/column-mapping';
export type { ColumnMapping, MappedColumn } from './lib/column-mapping';
export { previewFile } from './lib/import-preview';
export type { FilePreview, ShopFormat } from './lib/import-preview';
export { importForm } from './lib/import-request';
export { canCommit, summarizeImport } from './lib/import-summary';
export type { ImportResult, ImportSummary } from './lib/import-summary';
export { ImportView } from './lib/import-view';
