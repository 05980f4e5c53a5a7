import { isUuid, uuidv7, uuidv7Timestamp } from './uuidv7';

describe('uuidv7', () => {
  it('produces RFC 9562 version 7 ids with the variant bits set', () => {
    const id = uuidv7();
    expect(isUuid(id)).toBe(true);
    expect(id[14]).toBe('7');
    expect(['8', '9', 'a', 'b']).toContain(id[19]);
  });

  it('encodes the creation time in its first 48 bits', () => {
    const at = Date.UTC(2026, 10, 26, 12, 30, 15, 123);
    expect(uuidv7Timestamp(uuidv7(at))).toBe(at);
  });

  it('sorts ids made in later milliseconds after earlier ones', () => {
    const ids = [3, 1, 2].map((offset) => uuidv7(1_700_000_000_000 + offset));
    expect([...ids].sort()).toEqual([ids[1], ids[2], ids[0]]);
  });

  it('does not repeat among many ids made in the same millisecond', () => {
    const ids = new Set(Array.from({ length: 10_000 }, () => uuidv7(1_700_000_000_000)));
    expect(ids.size).toBe(10_000);
  });
});
