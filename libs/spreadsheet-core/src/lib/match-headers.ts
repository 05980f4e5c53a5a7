import { FieldType, ImportField } from './import-schema';
import { SpreadsheetError } from './spreadsheet-error';

/** How one column is read: the field it feeds and the type its cells are read as. */
export interface ColumnReading {
  name: string;
  type: FieldType;
}

/** Which field each column feeds (`undefined`: ignored), and the headers nobody recognised. */
export interface ColumnMatch {
  fields: (ColumnReading | undefined)[];
  unknownColumns: string[];
}

/** `Prix de vente` = `prix-de-vente` = `PRIXDEVENTE`: case, spaces, punctuation and accents do not count. */
export function normalizeHeader(header: string): string {
  return header
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/ß/g, 'ss')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The field a header names by its synonyms (or the field's own name), for headers of one import kind. */
export function headerLookup(fields: readonly ImportField[]): (header: string) => ImportField | undefined {
  const bySynonym = new Map<string, ImportField>();
  for (const field of fields) for (const word of [field.name, ...field.synonyms]) bySynonym.set(normalizeHeader(word), field);
  // An export names the time zone of its date columns (`Updated (Europe/Berlin)`): the column is still `Updated`.
  return (header) => bySynonym.get(normalizeHeader(header)) ?? bySynonym.get(normalizeHeader(withoutTrailingNote(header)));
}

/**
 * Columns to fields by their headers; `mapping` (header → field name, as the user confirmed it)
 * overrides the synonyms, and maps to `null` to ignore a column. A field fed by two columns or a
 * mapping that names an unknown header or field is refused rather than guessed.
 */
export function matchHeaders(headers: readonly string[], fields: readonly ImportField[], mapping: Readonly<Record<string, string | null>> = {}): ColumnMatch {
  const byName = new Map(fields.map((field) => [field.name, field]));
  const bySynonym = headerLookup(fields);
  const mapped = new Map<string, string | null>();
  for (const [header, fieldName] of Object.entries(mapping)) {
    if (fieldName !== null && !byName.has(fieldName))
      throw new SpreadsheetError('mapping_invalid', `mapping: ${fieldName} is not a column this import knows (${[...byName.keys()].join(', ')})`);
    if (!headers.some((candidate) => normalizeHeader(candidate) === normalizeHeader(header)))
      throw new SpreadsheetError('mapping_invalid', `mapping: the file has no column ${header}`);
    mapped.set(normalizeHeader(header), fieldName);
  }
  const unknownColumns: string[] = [];
  const seen = new Map<string, string>();
  const matched = headers.map((header): ColumnReading | undefined => {
    const key = normalizeHeader(header);
    if (key === '') return undefined;
    const fieldName = mapped.has(key) ? mapped.get(key) : bySynonym(header)?.name;
    if (fieldName === null) return undefined;
    const field = fieldName === undefined ? undefined : byName.get(fieldName);
    if (!field) {
      unknownColumns.push(header);
      return undefined;
    }
    const earlier = seen.get(field.name);
    if (earlier !== undefined)
      throw new SpreadsheetError('mapping_invalid', `columns ${earlier} and ${header} both give ${field.name}: map one of them to another field or ignore it`);
    seen.set(field.name, header);
    // A money field's own name (`priceMinor`, the API's and the CSV export's header) carries minor units.
    const minorUnits = field.type === 'money' && key === normalizeHeader(field.name);
    return { name: field.name, type: minorUnits ? 'integer' : field.type };
  });
  return { fields: matched, unknownColumns };
}

function withoutTrailingNote(header: string): string {
  return header.replace(/\s*\([^()]*\)\s*$/, '');
}
