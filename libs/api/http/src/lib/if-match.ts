import { ErrorCode } from '@kassa/contracts';
import { ApiException } from './api.exception';

/**
 * The version an `If-Match` header expects (`"3"`, `W/"3"` or `3`), or undefined when absent or `*`.
 * Versions are sent as ETags, so what a client read is what it sends back.
 */
export function expectedVersion(header: string | undefined): number | undefined {
  if (header === undefined || header.trim() === '*') return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,9})"?\s*$/.exec(header);
  if (!match) {
    throw new ApiException(ErrorCode.ValidationFailed, 'If-Match must be the ETag of a version.', [
      { field: 'If-Match', message: 'expected an ETag such as "3"' },
    ]);
  }
  return Number(match[1]);
}

export const etagOf = (version: number) => `"${version}"`;

export function versionMismatch(): ApiException {
  return new ApiException(ErrorCode.VersionMismatch, 'The record changed since you read it; reload and try again.');
}
