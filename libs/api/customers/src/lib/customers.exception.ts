import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';

export const customerNotFound = (field?: string) =>
  new ApiException(ErrorCode.CustomerNotFound, 'No such customer.', field ? [{ field, message: 'not a customer of this shop' }] : undefined);

export const customerEmailTaken = (email: string | null | undefined) =>
  new ApiException(ErrorCode.CustomerEmailTaken, 'Another customer has that email.', [{ field: 'email', message: `${email} belongs to another customer` }]);
