import { ErrorCode, FieldError } from '@kassa/contracts';
import { ApiException } from './api.exception';

/** Errors every route shares: bad fields, bad JSON, a stale version, a cursor from elsewhere. */

export const invalidFields = (errors: FieldError[], detail = 'The request has invalid fields.') => new ApiException(ErrorCode.ValidationFailed, detail, errors);

/** One field at fault: `validation_failed` (400) naming it. */
export const invalidField = (field: string, message: string, detail?: string) => invalidFields([{ field, message }], detail);

export const malformedJson = (detail: string) => new ApiException(ErrorCode.MalformedJson, detail);

export const forbidden = (detail: string, errors?: FieldError[]) => new ApiException(ErrorCode.Forbidden, detail, errors);

export const versionMismatch = () => new ApiException(ErrorCode.VersionMismatch, 'The record changed since you read it; reload and try again.');

export const invalidCursor = () =>
  new ApiException(ErrorCode.InvalidCursor, 'The cursor is not one this list gave out.', [
    { field: 'cursor', message: 'cursor must be a nextCursor from a previous page of the same list' },
  ]);
