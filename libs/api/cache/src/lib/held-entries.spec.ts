import { HeldEntries } from './held-entries';

const entry = (generation: number, json: string, expires: number | null = null) => ({ generation, json, expires });

describe('HeldEntries', () => {
  it('drops the least recently used entries once their text passes the bound', () => {
    const held = new HeldEntries(24);
    held.set('a', entry(1, 'x'.repeat(3)));
    held.set('b', entry(1, 'y'.repeat(3)));
    held.set('c', entry(1, 'z'.repeat(3)));
    expect(held.get('a')?.json).toBe('xxx');
    held.set('d', entry(1, 'w'.repeat(3)));
    held.set('e', entry(1, 'v'.repeat(3)));
    held.set('f', entry(1, 'u'.repeat(3)));
    held.set('g', entry(1, 't'.repeat(3)));
    held.set('h', entry(1, 's'.repeat(3)));
    held.set('i', entry(1, 'r'.repeat(3)));
    held.set('j', entry(1, 'q'.repeat(3)));
    // 10 entries of 3 characters against a bound of 24: the two least recently used (b, then c) went; a was read.
    expect(held.get('b')).toBeUndefined();
    expect(held.get('c')).toBeUndefined();
    expect(held.get('a')?.json).toBe('xxx');
    expect(held.get('i')?.json).toBe('rrr');
  });

  it('never answers an entry past its expiry, and keeps none larger than an eighth of the bound', () => {
    const held = new HeldEntries(80);
    held.set('old', entry(2, '{}', Date.now() - 1));
    expect(held.get('old')).toBeUndefined();
    held.set('big', entry(2, 'x'.repeat(11)));
    expect(held.get('big')).toBeUndefined();
    held.set('new', entry(3, '[]', Date.now() + 60_000));
    expect(held.get('new')).toEqual(entry(3, '[]', expect.any(Number)));
  });
});
