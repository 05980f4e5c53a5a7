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

/** The problem document of a failed response, when it has one. */
export async function errorOf(response: Response): Promise<KassaApiError> {
  const text = await response
    .clone()
    .text()
    .catch(() => '');
  let problem: Problem | undefined;
  try {
    const parsed = JSON.parse(text) as Partial<Problem>;
    if (typeof parsed.code === 'string') problem = parsed as Problem;
  } catch {
    problem = undefined;
  }
  return new KassaApiError(response.status, problem, `The API answered ${response.status}.`);
}
