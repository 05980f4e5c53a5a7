import { PipeTransform, Type } from '@nestjs/common';
import { createValidationPipe } from '@kassa/api/http';
import { SpreadsheetUpload } from './spreadsheet-upload';

/**
 * An import route's body: a posted file passes as it is, JSON rows are validated as the route's DTO.
 * The parameter is typed as a union so that the global validation pipe leaves it to this one.
 */
export class ImportBodyPipe<T extends object> implements PipeTransform<unknown, Promise<T | SpreadsheetUpload>> {
  private readonly validation = createValidationPipe();

  constructor(private readonly dto: Type<T>) {}

  async transform(value: unknown): Promise<T | SpreadsheetUpload> {
    if (value instanceof SpreadsheetUpload) return value;
    return this.validation.transform(value, { type: 'body', metatype: this.dto });
  }
}
