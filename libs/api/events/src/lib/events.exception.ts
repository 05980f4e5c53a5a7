import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';

export const deadLetterNotFound = () => new ApiException(ErrorCode.DeadLetterNotFound, 'No such dead letter waiting for a retry.');
