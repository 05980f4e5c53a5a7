import type { ErrorCode } from './error-code';

/** One field at fault. `field` is a dotted path into the request body or query (`lines.0.quantity`). */
export interface FieldError {
  field: string;
  message: string;
  /** For an imported file: the file's own line (CSV) or sheet row number (xlsx, xls, ods). */
  line?: number;
}

/** RFC 9457 problem details, as every API error is answered (`application/problem+json`). */
export interface ProblemDetails {
  type: string;
  title: string;
  status: number;
  code: ErrorCode;
  detail?: string;
  instance?: string;
  requestId?: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';
