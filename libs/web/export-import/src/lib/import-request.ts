import type { ColumnMapping } from './column-mapping';

/** The multipart form the import routes take: the file itself, the confirmed mapping and whether this is the dry run. */
export function importForm(file: Blob, fileName: string, mapping: ColumnMapping, dryRun: boolean, extra: Record<string, string> = {}): FormData {
  const form = new FormData();
  form.append('mapping', JSON.stringify(mapping));
  form.append('dryRun', String(dryRun));
  for (const [name, value] of Object.entries(extra)) form.append(name, value);
  form.append('file', file, fileName);
  return form;
}
