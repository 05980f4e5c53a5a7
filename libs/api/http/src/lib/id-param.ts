import { Param, PipeTransform } from '@nestjs/common';
import { ErrorCode, isUuid } from '@kassa/contracts';
import { ApiException } from './api.exception';

class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUuid(value)) {
      throw new ApiException(ErrorCode.ValidationFailed, 'The id in the path is not a UUID.', [
        { field: this.name, message: `${this.name} must be a UUID` },
      ]);
    }
    return value.toLowerCase();
  }
}

/** A UUID path parameter (`:id` by default); anything else is a 400 naming it. */
export const IdParam = (name = 'id') => Param(name, new ParseIdPipe(name));
