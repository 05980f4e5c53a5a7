import { headerLookup, IMPORT_FIELDS, ImportKind, normalizeHeader } from '@kassa/spreadsheet-core';

/** One column of the file in the mapping step: the field it feeds (null: ignored) and why it was proposed. */
export interface MappedColumn {
  header: string;
  field: string | null;
  source: 'remembered' | 'synonym' | 'none';
}

export type ColumnMapping = Record<string, string | null>;

/** Each import field in words, as the mapping step and the error tables show it (the API's names stay in the file and the requests). */
const FIELD_LABEL: Record<string, string> = {
  sku: 'SKU',
  name: 'Name',
  description: 'Description',
  category: 'Category',
  barcodes: 'Barcodes',
  barcode: 'Barcode',
  unit: 'Unit',
  priceMinor: 'Price',
  costMinor: 'Cost',
  taxRateBps: 'Tax rate (basis points)',
  active: 'Active',
  trackStock: 'Track stock',
  reorderPoint: 'Reorder point',
  reorderQuantity: 'Reorder quantity',
  imageUrl: 'Image URL',
  updatedAt: 'Updated',
  counted: 'Counted',
};

/** A field's name in words; a name without one (a new field) is shown as it is. */
export function fieldLabel(field: string): string {
  return FIELD_LABEL[field] ?? field;
}

/** The fields a column can be mapped to, for the mapping step's choices. */
export function importFields(kind: ImportKind): string[] {
  return IMPORT_FIELDS[kind].filter((field) => field.type !== 'readOnly').map((field) => field.name);
}

/**
 * The mapping step pre-filled: the shop's remembered mapping where it names a column of this file,
 * otherwise what the header synonyms say (as the API will read it), otherwise ignored.
 */
export function proposeMapping(headers: readonly string[], kind: ImportKind, remembered: ColumnMapping = {}): MappedColumn[] {
  const bySynonym = headerLookup(IMPORT_FIELDS[kind]);
  const rememberedByKey = new Map(Object.entries(remembered).map(([header, field]) => [normalizeHeader(header), field]));
  return headers.map((header) => {
    const key = normalizeHeader(header);
    if (rememberedByKey.has(key)) return { header, field: rememberedByKey.get(key) ?? null, source: 'remembered' };
    const synonym = key === '' ? undefined : bySynonym(header);
    if (synonym && synonym.type !== 'readOnly') return { header, field: synonym.name, source: 'synonym' };
    return { header, field: null, source: 'none' };
  });
}

/** What the user confirmed, as the `mapping` the import route and PUT /import-mappings take. Blank headers are left out. */
export function confirmedMapping(columns: readonly MappedColumn[]): ColumnMapping {
  return Object.fromEntries(columns.filter((column) => column.header.trim() !== '').map((column) => [column.header, column.field]));
}

/** Fields fed by more than one column: the mapping step must not be confirmed until each has one. */
export function fieldsMappedTwice(columns: readonly MappedColumn[]): string[] {
  const fields = columns.flatMap((column) => (column.field === null ? [] : [column.field]));
  return [...new Set(fields.filter((field, index) => fields.indexOf(field) !== index))];
}
