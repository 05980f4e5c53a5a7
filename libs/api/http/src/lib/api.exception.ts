import { HttpException } from '@nestjs/common';
import { ErrorCode, ERROR_STATUS, FieldError } from '@kassa/contracts';

/**
 * An error the client can act on: a stable code (whose one HTTP status comes from `ERROR_STATUS`)
 * and, where it applies, the fields at fault.
 */
export class ApiException extends HttpException {
  constructor(
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Extra response headers, such as `retry-after`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, ERROR_STATUS[code]);
  }
}
