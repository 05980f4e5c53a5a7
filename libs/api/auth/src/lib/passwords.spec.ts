import { COMMON_PASSWORDS } from './common-passwords';
import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords';

describe('password policy', () => {
  it('accepts a long password that is not the email', () => {
    expect(() => assertPasswordPolicy('correct horse battery', 'ana@shop.test')).not.toThrow();
  });

  it.each([
    ['a short password', 'short', 'at least 10'],
    ['the email in other case', 'Ana@Shop.test', 'not be the email'],
    ['257 characters', 'x'.repeat(257), 'at most 256'],
    ['12 spaces', ' '.repeat(12), 'not be only spaces'],
    ['tabs, line feeds and Unicode spaces', '\t \n \u00a0 \u3000 \t \n', 'not be only spaces'],
    ['2 spaces', '  ', 'not be only spaces'],
    ['1234567890', '1234567890', 'most commonly used'],
    ['a common password in mixed case between spaces', '  QwertyUiop ', 'most commonly used'],
    ['Password123', 'Password123', 'most commonly used'],
  ])('refuses %s, naming the password field', (_, password, message) => {
    try {
      assertPasswordPolicy(password, 'ana@shop.test');
      throw new Error('accepted');
    } catch (error) {
      expect((error as { errors: unknown }).errors).toEqual([{ field: 'password', message: expect.stringContaining(message) }]);
    }
  });
});

describe('the common password list', () => {
  const lines = [...COMMON_PASSWORDS];

  it('holds 1,000 distinct passwords, trimmed and in lower case', () => {
    expect(lines).toHaveLength(1_000);
    expect(new Set(lines).size).toBe(1_000);
    for (const line of lines) expect(line).toBe(line.trim().toLowerCase());
  });

  it('refuses every password on it, whatever its case and surrounding spaces, once it is long enough to be judged', () => {
    for (const line of lines.filter((entry) => entry.length >= 10)) {
      expect(() => assertPasswordPolicy(` ${line.toUpperCase()} `, 'ana@shop.test')).toThrow();
    }
  });
});

describe('password hashing', () => {
  it('stores argon2id hashes that verify only the same password', async () => {
    const stored = await hashPassword('correct horse battery');
    expect(stored).toMatch(/^\$argon2id\$/);
    expect(await verifyPassword(stored, 'correct horse battery')).toBe(true);
    expect(await verifyPassword(stored, 'correct horse batterz')).toBe(false);
  });
});
