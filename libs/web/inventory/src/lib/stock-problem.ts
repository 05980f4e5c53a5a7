import { isApiError } from '@kassa/web/data-access';

/** A refused stock change in words: the API's detail and the first field it names (`Not enough stock (delta)`). */
export function stockProblemText(error: unknown): string {
  if (!isApiError(error)) return error instanceof Error ? error.message : String(error);
  const field = error.fieldErrors[0];
  return field ? `${error.message} ${field.message}.` : error.message;
}
