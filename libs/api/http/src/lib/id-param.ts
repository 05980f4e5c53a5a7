import { Param, PipeTransform } from '@nestjs/common';
import { isUuid } from '@kassa/contracts';
import { invalidField } from './http.exception';

class ParseIdPipe implements PipeTransform<string, string> {
  constructor(private readonly name: string) {}

  transform(value: string): string {
    if (!isUuid(value)) {
      throw invalidField(this.name, `${this.name} must be a UUID`, 'The id in the path is not a UUID.');
    }
    return value.toLowerCase();
  }
}

/** A UUID path parameter (`:id` by default); anything else is a 400 naming it. */
export const IdParam = (name = 'id') => Param(name, new ParseIdPipe(name));
