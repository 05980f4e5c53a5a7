import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';

export const metricsUnauthorized = () =>
  new ApiException(
    ErrorCode.Unauthorized,
    'Send the metrics bearer token (METRICS_TOKEN); without one configured, /metrics answers loopback callers only.',
    undefined,
    {
      'www-authenticate': 'Bearer realm="metrics"',
    },
  );

export const errorGroupNotFound = () => new ApiException(ErrorCode.ErrorGroupNotFound, 'No such error group in your shop.');
