import { HttpException } from '@nestjs/common';
import { ErrorCode, FieldError } from '@kassa/contracts';

/** An error the client can act on: an HTTP status, a stable code and, where it applies, the fields at fault. */
export class ApiException extends HttpException {
  constructor(
    status: number,
    readonly code: ErrorCode,
    readonly detail: string,
    readonly errors?: FieldError[],
    /** Extra response headers, such as `retry-after`. */
    readonly headers: Record<string, string> = {},
  ) {
    super(detail, status);
  }
}
