import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';

/** The development mailbox answers as if it did not exist outside development or to a remote caller. */
export const mailboxHidden = () => new ApiException(ErrorCode.RouteNotFound, 'Not Found');
