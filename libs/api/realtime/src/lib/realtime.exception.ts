import { ErrorCode } from '@kassa/contracts';
import { ApiException, forbidden } from '@kassa/api/http';

export const notificationNotFound = () => new ApiException(ErrorCode.NotificationNotFound, 'No such notification of yours.');

export const notAUserForNotifications = () => forbidden('Notifications belong to a signed-in user, not an API key.');
