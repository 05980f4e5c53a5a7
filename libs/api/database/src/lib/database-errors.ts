import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';

interface PostgresError {
  code?: string;
  constraint?: string;
  column?: string;
}

function postgresError(error: unknown): PostgresError | undefined {
  return error instanceof QueryFailedError ? (error.driverError as PostgresError) : undefined;
}

/** A unique constraint was violated; with `constraint`, that particular one. */
export function isUniqueViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresError(error);
  return pg?.code === '23505' && (constraint === undefined || pg.constraint === constraint);
}

/** A foreign key pointed at a row that does not exist (or belongs to another tenant). */
export function isForeignKeyViolation(error: unknown, constraint?: string): boolean {
  const pg = postgresError(error);
  return pg?.code === '23503' && (constraint === undefined || pg.constraint === constraint);
}

/**
 * PostgreSQL went away under the request: an administrator or a failover ended the connection, or the server is restarting.
 * The last three are the socket's own: a query written as the server closed its end fails with those, not with 57P01.
 */
const LOST_CONNECTION_CODES = ['57P01', '57P02', '57P03', '08000', '08003', '08006', 'ECONNRESET', 'EPIPE', 'ECONNREFUSED'];
const LOST_CONNECTION_MESSAGE =
  /Connection terminated|terminating connection|Client has encountered a connection error|Connection ended unexpectedly|not queryable/i;

function isLostConnection(error: unknown): boolean {
  // TypeORM releases a transaction's connection once it errored: later statements of that request fail with these.
  if (error instanceof QueryRunnerAlreadyReleasedError || error instanceof QueryRunnerProviderAlreadyReleasedError) return true;
  const candidates = [postgresError(error), error].filter(
    (candidate): candidate is PostgresError & { message?: string } => typeof candidate === 'object' && candidate !== null,
  );
  return candidates.some((candidate) => LOST_CONNECTION_CODES.includes(candidate.code ?? '') || LOST_CONNECTION_MESSAGE.test(candidate.message ?? ''));
}

/**
 * The safety net behind services' own checks: a constraint the database enforced becomes a 4xx,
 * never a 500. Services still check what they can name better (a taken slug, a missing store).
 */
export function databaseErrorToApiException(error: unknown): ApiException | undefined {
  // The transaction died with its connection, so nothing was committed: the client retries (with its Idempotency-Key).
  if (isLostConnection(error)) {
    return new ApiException(ErrorCode.ServiceUnavailable, 'The database connection was lost mid-request. Try again.', undefined, { 'retry-after': '1' });
  }
  const pg = postgresError(error);
  // Columns are snake_case; API fields are their camelCase.
  const field = pg?.column?.replace(/_([a-z])/g, (_, letter: string) => letter.toUpperCase());
  const fields = field ? [{ field, message: `${field} is not acceptable` }] : undefined;
  switch (pg?.code) {
    case '23505':
      return new ApiException(ErrorCode.Conflict, 'That would duplicate an existing record.', fields);
    case '23503':
      return new ApiException(ErrorCode.ReferenceNotFound, 'A referenced record does not exist.', fields);
    // 22021, 22P05, 22008, 22007 are behind the input guard and the date validators: a NUL character,
    // text PostgreSQL cannot encode, a day that does not exist or a time it cannot read.
    case '23502':
    case '23514':
    case '22001':
    case '22003':
    case '22P02':
    case '22021':
    case '22P05':
    case '22008':
    case '22007':
      return new ApiException(ErrorCode.ValidationFailed, 'A value is out of range or malformed.', fields);
    case '40001':
    case '40P01':
      return new ApiException(ErrorCode.Conflict, 'A concurrent change got in the way; retry the request.');
    default:
      return undefined;
  }
}
