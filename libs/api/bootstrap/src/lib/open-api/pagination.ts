import { Document, operationsOf } from './document';

const DESCRIPTIONS: Record<string, string> = {
  cursor: 'Opaque: the `nextCursor` of the previous page, as given. Omit it for the first page.',
  limit: 'Items per page at most; fewer on the last page.',
};

/** Every paged list says what `cursor` and `limit` are, where the DTO did not. */
export function documentPagination(document: Document): void {
  for (const { operation } of operationsOf(document)) {
    for (const parameter of operation.parameters ?? []) {
      const description = DESCRIPTIONS[String(parameter.name)];
      if (parameter.in === 'query' && description && !parameter.description) parameter.description = description;
    }
  }
}
