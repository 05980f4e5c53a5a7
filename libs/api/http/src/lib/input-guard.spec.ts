import { MAX_INPUT_DEPTH, unacceptableInput } from './input-guard';

const nested = (levels: number): unknown => Array.from({ length: levels }).reduce<unknown>((inner) => [inner], 1);

describe('unacceptableInput', () => {
  it('accepts ordinary JSON, emoji (surrogate pairs) and the largest safe numbers', () => {
    expect(unacceptableInput({ name: 'Bananas 🍌', lines: [{ quantity: Number.MAX_SAFE_INTEGER, note: null }], ok: true })).toEqual([]);
    expect(unacceptableInput({ deep: nested(MAX_INPUT_DEPTH - 2) })).toEqual([]);
  });

  it('names the field holding a NUL character, however deep', () => {
    expect(unacceptableInput({ lines: [{ note: 'ok' }, { note: 'a\u0000b' }] })).toEqual([
      { field: 'lines.1.note', message: 'lines.1.note must not contain NUL characters' },
    ]);
  });

  it('names the field holding a lone surrogate, high or low', () => {
    expect(unacceptableInput({ email: '\uD800@example.test', name: 'x\uDC00' }).map((error) => error.field)).toEqual(['email', 'name']);
  });

  it('refuses bad field names too', () => {
    expect(unacceptableInput({ headers: { 'x-a\u0000': 'v' } }).map((error) => error.field)).toEqual(['headers.x-a\u0000']);
  });

  it('names numbers past 2^53, which JSON parsing has already rounded', () => {
    expect(unacceptableInput({ priceMinor: 1e300, costMinor: -(2 ** 63), taxRateBps: 2 ** 53 }).map((error) => error.field)).toEqual([
      'priceMinor',
      'costMinor',
      'taxRateBps',
    ]);
  });

  it('reports nesting past the limit at its top-level field, without recursing through 100,000 levels', () => {
    expect(unacceptableInput({ tenant: nested(100_000) })).toEqual([{ field: 'tenant', message: `tenant is nested deeper than ${MAX_INPUT_DEPTH} levels` }]);
  });

  it('checks query strings (objects without a prototype) and leaves binary bodies alone', () => {
    const query = Object.assign(Object.create(null) as Record<string, unknown>, { q: 'a\u0000' });
    expect(unacceptableInput(query).map((error) => error.field)).toEqual(['q']);
    expect(unacceptableInput(Buffer.from([0, 0xd8, 0]))).toEqual([]);
  });

  it('stops after twenty problems', () => {
    expect(unacceptableInput({ rows: Array.from({ length: 1000 }, () => ({ name: '\u0000' })) })).toHaveLength(20);
  });
});
