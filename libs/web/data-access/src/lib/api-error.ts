import type { FieldError, ProblemDetails } from '@kassa/contracts';

/**
 * What a failed request means for the screen, one word per way the user can react:
 * sign in again, give up (not allowed, not found), wait for the network, fix the input, reload or
 * overwrite (someone else changed it), or try again later.
 */
export type ApiFailureKind = 'unauthorized' | 'forbidden' | 'not-found' | 'offline' | 'invalid' | 'conflict' | 'changed' | 'server';

/** A failed API call: its kind, status and the API's problem document when there is one. */
export class ApiError extends Error {
  constructor(
    readonly kind: ApiFailureKind,
    readonly status: number | undefined,
    readonly problem?: ProblemDetails,
  ) {
    super(problem?.detail ?? problem?.title ?? (status ? `The request failed with ${status}` : 'Kassa could not be reached'));
    this.name = 'ApiError';
  }

  /** The API's per-field messages (`errors[]`), for forms. */
  get fieldErrors(): FieldError[] {
    return this.problem?.errors ?? [];
  }
}

function isProblem(body: unknown): body is ProblemDetails {
  return typeof body === 'object' && body !== null && 'status' in body && 'title' in body;
}

/** Reads a response that was not a success. */
export function apiErrorOf(response: Response, body: unknown): ApiError {
  const problem = isProblem(body) ? body : undefined;
  const { status } = response;
  // The web app's proxy answers 503 `service_unavailable` when it cannot reach the API.
  if (status === 503 && problem?.code === 'service_unavailable') return new ApiError('offline', status, problem);
  if (status === 401) return new ApiError('unauthorized', status, problem);
  if (status === 403) return new ApiError('forbidden', status, problem);
  if (status === 404 || status === 410) return new ApiError('not-found', status, problem);
  if (status === 409) return new ApiError('conflict', status, problem);
  if (status === 412) return new ApiError('changed', status, problem);
  if (status >= 400 && status < 500) return new ApiError('invalid', status, problem);
  return new ApiError('server', status, problem);
}

/** A request that never got an answer (no network, timeout). Aborts by the caller are not failures. */
export function networkError(cause: unknown): ApiError {
  const error = new ApiError('offline', undefined);
  error.cause = cause;
  return error;
}

export function isApiError(error: unknown): error is ApiError {
  return error instanceof ApiError;
}
