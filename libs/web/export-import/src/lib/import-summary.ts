import type { Schemas } from '@kassa/api-client';

/** What the products import answers; a count import answers `CountImportResult`. */
export type ImportResult = Schemas['ImportResultDto'] | Schemas['CountImportResultDto'];
type ImportError = ImportResult['errors'][number];

/**
 * The dry run's preview: how many rows each outcome has, and the row errors in the file's own order.
 * For a count, `update` is the products whose on-hand the count changes and `unchanged` those already right.
 */
export interface ImportSummary {
  create: number;
  update: number;
  unchanged: number;
  /** Rows with at least one error (a row can have several). */
  failing: number;
  errors: ImportError[];
  notes: ImportError[];
}

const byPlace = (a: ImportError, b: ImportError) => (a.line ?? a.row) - (b.line ?? b.row) || a.field.localeCompare(b.field);

export function summarizeImport(result: ImportResult): ImportSummary {
  const outcomes =
    'counted' in result
      ? { create: 0, update: result.changed, unchanged: result.counted - result.changed }
      : { create: result.created, update: result.updated, unchanged: result.unchanged };
  return {
    ...outcomes,
    failing: new Set(result.errors.map((error) => error.row)).size,
    errors: [...result.errors].sort(byPlace),
    notes: [...result.notes].sort(byPlace),
  };
}

/** All or nothing: the commit is offered only when the dry run found no error and something to write. */
export function canCommit(summary: ImportSummary): boolean {
  return summary.failing === 0 && summary.create + summary.update > 0;
}
