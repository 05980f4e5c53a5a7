import { ValidationError, ValidationPipe } from '@nestjs/common';
import type { FieldError } from '@kassa/contracts';
import type { ValidatorOptions } from 'class-validator';
import { invalidFields } from './http.exception';
import { undeclaredNulls } from './undeclared-nulls';

/** Flattens class-validator's tree into one entry per field, with dotted paths (`lines.0.quantity`). */
export function fieldErrorsOf(errors: ValidationError[], parentPath = ''): FieldError[] {
  return errors.flatMap((error) => {
    const field = parentPath ? `${parentPath}.${error.property}` : error.property;
    const own = Object.values(error.constraints ?? {}).map((message) => ({ field, message }));
    return [...own, ...fieldErrorsOf(error.children ?? [], field)];
  });
}

/** class-validator's checks, then a null the DTO does not declare nullable (unless that field already failed). */
class DtoValidationPipe extends ValidationPipe {
  protected override async validate(object: object, options?: ValidatorOptions): Promise<ValidationError[]> {
    const errors = await super.validate(object, options);
    const nulls = undeclaredNulls(object, fieldErrorsOf(errors)).map((error): ValidationError => ({
      property: error.field,
      constraints: { notNull: error.message },
      children: [],
    }));
    return [...errors, ...nulls];
  }
}

/** DTO validation for every route: unknown fields are refused, types are checked, each fault names its field. */
export function createValidationPipe(): ValidationPipe {
  return new DtoValidationPipe({
    whitelist: true,
    forbidNonWhitelisted: true,
    transform: true,
    exceptionFactory: (errors) => invalidFields(fieldErrorsOf(errors)),
  });
}
