import { hash, verify } from '@node-rs/argon2';
import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

/** The minimum policy (DESIGN.md §5): long enough, not absurdly long, and not the email. */
export function assertPasswordPolicy(password: string, email: string, field = 'password'): void {
  const problem =
    password.length < MIN_PASSWORD_LENGTH
      ? `${field} must be at least ${MIN_PASSWORD_LENGTH} characters`
      : password.length > MAX_PASSWORD_LENGTH
        ? `${field} must be at most ${MAX_PASSWORD_LENGTH} characters`
        : password.trim().toLowerCase() === email.trim().toLowerCase()
          ? `${field} must not be the email address`
          : undefined;
  if (problem) {
    throw new ApiException(ErrorCode.ValidationFailed, 'The password is too weak.', [{ field, message: problem }]);
  }
}

/** argon2id with the library's defaults (19 MiB, t=2, p=1: OWASP's minimum). */
export function hashPassword(password: string): Promise<string> {
  return hash(password);
}

export function verifyPassword(passwordHash: string, password: string): Promise<boolean> {
  return verify(passwordHash, password);
}

// Verifying against this when the account does not exist keeps login timing the same either way.
const DUMMY_HASH = hash('kassa-no-such-account');
export async function verifyAgainstNothing(password: string): Promise<false> {
  await verify(await DUMMY_HASH, password);
  return false;
}
