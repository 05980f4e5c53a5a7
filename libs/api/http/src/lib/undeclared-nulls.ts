import { DECORATORS } from '@nestjs/swagger';
import type { FieldError } from '@kassa/contracts';

function declaredNullable(instance: object, property: string): boolean {
  const declared: { nullable?: boolean } | undefined = Reflect.getMetadata(DECORATORS.API_MODEL_PROPERTIES, Object.getPrototypeOf(instance), property);
  return declared?.nullable === true;
}

const isDto = (value: unknown): value is object =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && Object.getPrototypeOf(value) !== Object.prototype;

function nullsIn(instance: object, path: string): FieldError[] {
  return Object.entries(instance).flatMap(([property, value]): FieldError[] => {
    const field = path ? `${path}.${property}` : property;
    if (value === null) return declaredNullable(instance, property) ? [] : [{ field, message: `${field} must not be null` }];
    if (Array.isArray(value)) {
      return value.flatMap((item: unknown, index) => {
        if (item === null) return [{ field: `${field}.${index}`, message: `${field}.${index} must not be null` }];
        return isDto(item) ? nullsIn(item, `${field}.${index}`) : [];
      });
    }
    return isDto(value) ? nullsIn(value, field) : [];
  });
}

/**
 * `null` where the API document does not call the field nullable, in a DTO and the DTOs nested in
 * it, and `null` as an item of any array; fields in `failed` are already reported. class-validator's
 * @IsOptional() lets null through as if the field were absent, and code that reads
 * `dto.discount.percentBps` then fails; a DTO that takes null to clear a field says so with
 * `@ApiProperty({ nullable: true })`.
 */
export function undeclaredNulls(instance: object, failed: FieldError[] = []): FieldError[] {
  const failedFields = new Set(failed.map((error) => error.field));
  return nullsIn(instance, '').filter((error) => !failedFields.has(error.field));
}
