import { ErrorCode } from '@kassa/contracts';
import { QueryFailedError, QueryRunnerAlreadyReleasedError, QueryRunnerProviderAlreadyReleasedError } from 'typeorm';
import { databaseErrorToApiException } from './database-errors';

const failure = (code: string, column?: string) => new QueryFailedError('INSERT …', [], Object.assign(new Error('refused'), { code, column }));

describe('databaseErrorToApiException', () => {
  it.each([
    ['22021', 'a NUL character in text'],
    ['22P05', 'a NUL character in JSON'],
    ['22008', 'February 30th'],
    ['22007', 'a time PostgreSQL cannot read'],
  ])('answers %s (%s) with 400 validation_failed, never a 500', (code) => {
    const sut = databaseErrorToApiException(failure(code));
    expect([sut?.getStatus(), sut?.code]).toEqual([400, ErrorCode.ValidationFailed]);
  });

  it('names the field in the API’s camelCase, not the column’s snake_case', () => {
    expect(databaseErrorToApiException(failure('23502', 'time_zone'))?.errors).toEqual([{ field: 'timeZone', message: 'timeZone is not acceptable' }]);
  });

  it.each([
    ['pg_terminate_backend', failure('57P01')],
    ['a connection that dropped mid-query', new QueryFailedError('SELECT 1', [], new Error('Connection terminated unexpectedly'))],
    [
      'a statement written as the server closed the socket',
      new QueryFailedError('START TRANSACTION', [], Object.assign(new Error('read ECONNRESET'), { code: 'ECONNRESET' })),
    ],
    ['a statement written after it closed', new QueryFailedError('COMMIT', [], Object.assign(new Error('write EPIPE'), { code: 'EPIPE' }))],
    ["the transaction's next statement after that", new QueryRunnerProviderAlreadyReleasedError()],
    ['its commit', new QueryRunnerAlreadyReleasedError()],
  ])('answers a connection lost under the request (%s) with 503 and Retry-After, never a 500', (_, error) => {
    const sut = databaseErrorToApiException(error);
    expect([sut?.getStatus(), sut?.code, sut?.headers['retry-after']]).toEqual([503, ErrorCode.ServiceUnavailable, '1']);
  });

  it('leaves errors it does not know to the generic 500', () => {
    expect(databaseErrorToApiException(failure('XX000'))).toBeUndefined();
    expect(databaseErrorToApiException(new Error('not from the database'))).toBeUndefined();
  });
});
