/** What the kit reads from a failed submit: the data hooks' ApiError has this shape (libs/web/data-access). */
interface FailureLike {
  kind?: unknown;
  status?: unknown;
  problem?: { title?: string; detail?: string; errors?: { field: string; message: string }[] };
}

export type SubmitOutcome =
  /** 412: someone else saved first. */
  | { kind: 'changed' }
  /** Messages for fields the form has, and a message for the form itself. */
  | { kind: 'rejected'; fields: Record<string, string>; message: string | undefined };

const UNREACHABLE = 'Kassa could not be reached, so nothing was saved. Your changes are still here: try again.';
const FAILED = 'Saving failed. Your changes are still here: try again.';

/**
 * Sorts a failed submit: the API's `errors[]` go to the fields they name (the first message per
 * field), `detail` and errors for fields the form does not show go to the form.
 */
export function readSubmitFailure(error: unknown, hasField: (name: string) => boolean): SubmitOutcome {
  const failure = (typeof error === 'object' && error !== null ? error : {}) as FailureLike;
  if (failure.kind === 'changed' || failure.status === 412) return { kind: 'changed' };
  if (failure.kind === 'offline') return { kind: 'rejected', fields: {}, message: UNREACHABLE };
  const problem = failure.problem;
  if (!problem) return { kind: 'rejected', fields: {}, message: FAILED };
  const fields: Record<string, string> = {};
  const elsewhere: string[] = [];
  for (const { field, message } of problem.errors ?? []) {
    if (hasField(field)) fields[field] ??= message;
    else elsewhere.push(message);
  }
  const detail = problem.detail ?? (Object.keys(fields).length === 0 ? problem.title : undefined);
  const message = [detail, ...elsewhere].filter(Boolean).join(' ') || undefined;
  return { kind: 'rejected', fields, message };
}
