import { assertPasswordPolicy, hashPassword, verifyPassword } from './passwords';

describe('password policy', () => {
  it('accepts a long password that is not the email', () => {
    expect(() => assertPasswordPolicy('correct horse battery', 'ana@shop.test')).not.toThrow();
  });

  it.each([
    ['short', 'at least 10'],
    ['Ana@Shop.test', 'not be the email'],
    ['x'.repeat(257), 'at most 256'],
  ])('refuses %p, naming the password field', (password, message) => {
    try {
      assertPasswordPolicy(password, 'ana@shop.test');
      throw new Error('accepted');
    } catch (error) {
      expect((error as { errors: unknown }).errors).toEqual([{ field: 'password', message: expect.stringContaining(message) }]);
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
