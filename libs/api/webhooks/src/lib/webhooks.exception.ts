import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';

export const webhookNotFound = () => new ApiException(ErrorCode.WebhookNotFound, 'No such webhook.');

export const webhookDeliveryNotFound = () => new ApiException(ErrorCode.WebhookDeliveryNotFound, 'No such webhook delivery.');

export const webhookTargetForbidden = (reason: string) =>
  new ApiException(ErrorCode.WebhookTargetForbidden, 'Webhooks cannot be sent to this address.', [{ field: 'url', message: reason }]);
