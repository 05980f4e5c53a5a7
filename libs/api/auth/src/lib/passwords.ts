import { hash, verify } from '@node-rs/argon2';
import { COMMON_PASSWORDS } from './common-passwords';
import { weakPassword } from './auth.exception';

export const MIN_PASSWORD_LENGTH = 10;
const MAX_PASSWORD_LENGTH = 256;

const normalized = (text: string) => text.trim().toLowerCase();

const COMMON: ReadonlySet<string> = new Set(COMMON_PASSWORDS.map(normalized));

/**
 * The policy of NIST SP 800-63B: length is the rule that matters (no composition rules), plus a
 * blocklist — not only spaces, not one of the most common passwords, not the email.
 */
export function assertPasswordPolicy(password: string, email: string, field = 'password'): void {
  const problem =
    password.trim() === ''
      ? `${field} must not be only spaces`
      : password.length < MIN_PASSWORD_LENGTH
        ? `${field} must be at least ${MIN_PASSWORD_LENGTH} characters`
        : password.length > MAX_PASSWORD_LENGTH
          ? `${field} must be at most ${MAX_PASSWORD_LENGTH} characters`
          : normalized(password) === normalized(email)
            ? `${field} must not be the email address`
            : COMMON.has(normalized(password))
              ? `${field} is one of the most commonly used passwords; choose another`
              : undefined;
  if (problem) {
    throw weakPassword(field, problem);
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
