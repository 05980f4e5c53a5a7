import { PipeTransform, Type } from '@nestjs/common';
import { compileDtoCheck, createValidationPipe } from '@kassa/api/http';
import { SpreadsheetUpload } from './spreadsheet-upload';

/**
 * An import route's body: a posted file passes as it is, JSON rows are validated as the route's DTO.
 * The parameter is typed as a union so that the global validation pipe leaves it to this one.
 */
export class ImportBodyPipe<T extends object> implements PipeTransform<unknown, Promise<T | SpreadsheetUpload>> {
  private readonly validation = createValidationPipe();
  /** A valid body passes as posted: class-transformer would copy every one of its 50,000 rows. */
  private readonly isValid: (plain: Record<string, unknown>) => plain is Record<string, unknown> & T;

  constructor(private readonly dto: Type<T>) {
    this.isValid = compileDtoCheck(dto);
  }

  async transform(value: unknown): Promise<T | SpreadsheetUpload> {
    if (value instanceof SpreadsheetUpload) return value;
    if (typeof value === 'object' && value !== null && !Array.isArray(value) && this.isValid(value as Record<string, unknown>)) return value as T;
    return this.validation.transform(value, { type: 'body', metatype: this.dto });
  }
}
