import { decodeCursor, encodeCursor, likePrefix } from './product-search';

describe('product search helpers', () => {
  it('round-trips both kinds of cursor', () => {
    for (const cursor of [{ after: ['Bananas', '01a2'] as [string, string] }, { offset: 50 }]) {
      expect(decodeCursor(encodeCursor(cursor))).toEqual(cursor);
    }
  });

  it('refuses a cursor it did not make, naming the field', () => {
    for (const text of ['garbage', Buffer.from('{"offset":-1}').toString('base64url'), Buffer.from('[]').toString('base64url')]) {
      expect(() => decodeCursor(text)).toThrow(expect.objectContaining({ errors: [expect.objectContaining({ field: 'cursor' })] }));
    }
  });

  it('escapes LIKE wildcards so a SKU prefix matches literally', () => {
    expect(likePrefix('AB_1%')).toBe('ab\\_1\\%%');
    expect(likePrefix('c\\d')).toBe('c\\\\d%');
  });
});
