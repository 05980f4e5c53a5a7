import { ErrorCode } from '@kassa/contracts';
import { ApiException, invalidField } from '@kassa/api/http';

export const idempotencyKeyUnusable = () =>
  invalidField('Idempotency-Key', 'must be 1-255 visible ASCII characters', 'The Idempotency-Key header is not usable.');

export const idempotencyKeyReused = () =>
  new ApiException(ErrorCode.IdempotencyKeyReused, 'This Idempotency-Key was used for a different request.', [
    { field: 'Idempotency-Key', message: 'already used with another body' },
  ]);

export const idempotencyKeyInFlight = () =>
  new ApiException(ErrorCode.IdempotencyKeyInFlight, 'A request with this Idempotency-Key is still running; retry shortly.', undefined, {
    'retry-after': '1',
  });
