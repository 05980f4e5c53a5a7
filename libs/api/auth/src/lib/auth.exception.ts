import { ErrorCode, Permission } from '@kassa/contracts';
import { ApiException, forbidden, invalidField } from '@kassa/api/http';

export const unauthorized = () => new ApiException(ErrorCode.Unauthorized, 'Sign in, or send a valid API key.');

export const invalidCredentials = () => new ApiException(ErrorCode.InvalidCredentials, 'The shop, email or password is not right.');

export const invalidToken = () => new ApiException(ErrorCode.InvalidToken, 'The token is invalid or has expired.');

export const tokenReused = () => new ApiException(ErrorCode.TokenReused, 'This refresh token was already used; its sessions are signed out.');

export const tooManyAttempts = (retryAfterSeconds: number) =>
  new ApiException(ErrorCode.TooManyAttempts, 'Too many failed sign-in attempts. Try again later.', undefined, {
    'retry-after': String(retryAfterSeconds),
  });

export const signInUnavailable = (retryAfterSeconds: number) =>
  new ApiException(ErrorCode.ServiceUnavailable, 'Sign-in is unavailable for a moment. Try again shortly.', undefined, {
    'retry-after': String(retryAfterSeconds),
  });

export const noAccessRule = () => forbidden('This route has no access rule.');

export const permissionsMissing = (missing: readonly Permission[], of: 'all of' | 'one of' = 'all of') =>
  forbidden(
    missing.length === 1 || of === 'all of' ? `This needs the permission ${missing.join(', ')}.` : `This needs one of the permissions ${missing.join(', ')}.`,
  );

export const notAUser = () => forbidden('/me describes a signed-in user, not an API key.');

export const weakPassword = (field: string, problem: string) => invalidField(field, problem, 'The password is too weak.');

export const userNotFound = () => new ApiException(ErrorCode.UserNotFound, 'No such user.');

export const emailTaken = (email: string) =>
  new ApiException(ErrorCode.EmailTaken, 'A user with that email exists.', [{ field: 'email', message: `${email} already belongs to a user of this shop` }]);

export const lastOwner = () => new ApiException(ErrorCode.LastOwner, 'A shop must keep at least one active owner.');

/** Granting what the caller does not hold (a role, every store): 403 naming the field when there is one. */
export const grantForbidden = (detail: string, field: string | undefined, message: string) => forbidden(detail, field ? [{ field, message }] : undefined);

export const apiKeyNotFound = () => new ApiException(ErrorCode.ApiKeyNotFound, 'No such API key.');

export const apiKeysByUsersOnly = () => forbidden('API keys are created by users, not by other API keys.');

export const apiKeyReachesEveryStore = () => forbidden('An API key reaches every store, so a user limited to some stores cannot create one.');

export const apiKeyBeyondCreator = (beyond: readonly Permission[]) =>
  forbidden(
    'An API key cannot have permissions its creator lacks.',
    beyond.map((permission) => ({ field: 'permissions', message: `you do not have ${permission}` })),
  );

export const deviceNotFound = () => new ApiException(ErrorCode.DeviceNotFound, 'No such device.');

export const deviceRevoked = () => new ApiException(ErrorCode.DeviceRevoked, 'This device was unpaired. Pair it again from the back office.');

export const devicesPairedByUsers = () => forbidden('Devices are paired by users, not by API keys.');

export const deviceNeedsPosRegister = () => forbidden("Devices pair with POS registers; a store's api register is numbered by the server.");

export const deviceRouteOnly = () => forbidden('Only a paired device on its own (Authorization: Device <token>) calls this route.');

export const deviceAloneCannotReach = () => forbidden('A device on its own reaches only /devices/current and /devices/current/staff: sign in with a PIN.');

export const devicePairedMeanwhile = () => new ApiException(ErrorCode.Conflict, 'Another device was paired to this register at the same moment. Try again.');

export const pinTooWeak = (field: string, message: string) => new ApiException(ErrorCode.PinTooWeak, 'The PIN is too easy to guess.', [{ field, message }]);

/** `field`: where an approval's PIN was given (a sign-in names none). */
export const pinInvalid = (field?: string) =>
  new ApiException(ErrorCode.PinInvalid, 'The user or PIN is not right.', field ? [{ field, message: 'the user or PIN is not right' }] : undefined);

export const pinNotSet = (field?: string) =>
  new ApiException(ErrorCode.PinNotSet, 'This user has no PIN.', field ? [{ field, message: 'this user has no PIN' }] : undefined);

export const rateLimitUnavailable = (retryAfterSeconds: number) =>
  new ApiException(ErrorCode.ServiceUnavailable, 'This limit cannot be checked for a moment. Try again shortly.', undefined, {
    'retry-after': String(retryAfterSeconds),
  });

export const pinLocked = (retryAfterSeconds: number) =>
  new ApiException(ErrorCode.PinLocked, 'Too many wrong PINs for this user. Try again later.', undefined, { 'retry-after': String(retryAfterSeconds) });

export const userNotInDeviceStore = () => forbidden("This user does not work in the device's store.");

export const wrongCurrentPassword = () =>
  new ApiException(ErrorCode.InvalidCredentials, 'The current password is not right.', [{ field: 'currentPassword', message: 'currentPassword is not right' }]);
