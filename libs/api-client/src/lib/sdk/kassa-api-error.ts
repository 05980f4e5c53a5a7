import type { components } from '../generated/openapi';

export type Problem = components['schemas']['Problem'];
export type ErrorCodeName = components['schemas']['ErrorCode'];

/** An API error: the HTTP status and the problem document's stable `code` to switch on. */
export class KassaApiError extends Error {
  readonly status: number;
  readonly code: ErrorCodeName | 'network_error';
  readonly problem?: Problem;

  constructor(status: number, problem: Problem | undefined, fallback = 'The API answered without a problem document.') {
    super(problem?.detail ?? problem?.title ?? fallback);
    this.name = 'KassaApiError';
    this.status = status;
    this.code = problem?.code ?? (status === 0 ? 'network_error' : 'internal_error');
    this.problem = problem;
  }
}

/** The error of a failed call from the body openapi-fetch read (parsed JSON when it was JSON): a problem document when it is one. */
export function errorOf(status: number, body: unknown): KassaApiError {
  const problem = typeof body === 'object' && body !== null && typeof (body as Partial<Problem>).code === 'string' ? (body as Problem) : undefined;
  return new KassaApiError(status, problem, `The API answered ${status}.`);
}
