import { ValidationError, ValidationPipe } from '@nestjs/common';
import { ErrorCode, FieldError } from '@kassa/contracts';
import { ApiException } from './api.exception';

/** Flattens class-validator's tree into one entry per field, with dotted paths (`lines.0.quantity`). */
export function fieldErrorsOf(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/** DTO validation for every route: unknown fields are refused, types are checked, each fault names its field. */
export function createValidationPipe(): ValidationPipe {
  return new ValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) =>
      new ApiException(400, ErrorCode.ValidationFailed, 'The request has invalid fields.', fieldErrorsOf(errors)),
  });
}
