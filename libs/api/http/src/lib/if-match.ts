import { invalidField } from './http.exception';

/**
 * The version an `If-Match` header expects (`"3"`, `W/"3"` or `3`), or undefined when absent or `*`.
 * Versions are sent as ETags, so what a client read is what it sends back.
 */
export function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw invalidField('If-Match', 'expected an ETag such as "3"', 'If-Match must be the ETag of a version.');
  }
  return Number(match[1]);
}

export const etagOf = (version: number) => `"${version}"`;
