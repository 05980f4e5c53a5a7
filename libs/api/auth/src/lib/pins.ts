import { hash, verify } from '@node-rs/argon2';
import { pinTooWeak } from './auth.exception';

/** A PIN's shape (the DTO checks it): 4 to 8 digits. */
export const PIN_PATTERN = /^\d{4,8}$/;

/** Each digit one more (or one less) than the one before: 1234, 98765. */
function isRun(pin: string): boolean {
  const steps = [...pin].slice(1).map((digit, index) => Number(digit) - Number(pin[index]));
  return steps.every((step) => step === 1) || steps.every((step) => step === -1);
}

/** The PINs anyone would try first: all one digit, or a run up or down. */
export function assertPinPolicy(pin: string, field = 'pin'): void {
  if (/^(\d)\1*$/.test(pin)) throw pinTooWeak(field, `${field} must not be one digit repeated`);
  if (isRun(pin)) throw pinTooWeak(field, `${field} must not be a run of digits such as 1234`);
}

/** argon2id, as passwords are: a 4-digit PIN is guessable offline anyway, so the lockouts are what protect it. */
export function hashPin(pin: string): Promise<string> {
  return hash(pin);
}

export function verifyPin(pinHash: string, pin: string): Promise<boolean> {
  return verify(pinHash, pin);
}
