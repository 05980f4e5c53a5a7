import { CONFIRM_MS, KnownGenerations } from './known-generations';

function clock() {
  const time = { now: 1_000_000 };
  return { time, sut: new KnownGenerations(() => time.now) };
}

describe('KnownGenerations', () => {
  it('knows nothing until bumps reach it, and forgets everything when they stop', () => {
    const { sut } = clock();
    sut.read('g', 3, sut.mark());
    expect(sut.get('g')).toBeUndefined();
    sut.listening(true);
    sut.read('g', 3, sut.mark());
    expect(sut.get('g')).toBe(3);
    sut.listening(false);
    sut.listening(true);
    expect(sut.get('g')).toBeUndefined();
  });

  it('follows pushed bumps of keys it knows, and trusts a generation only for CONFIRM_MS after it was read or pushed', () => {
    const { sut, time } = clock();
    sut.listening(true);
    sut.pushed('other', 9);
    expect(sut.get('other')).toBeUndefined();
    sut.read('g', 3, sut.mark());
    sut.pushed('g', 4);
    expect(sut.get('g')).toBe(4);
    sut.pushed('g', 2);
    expect(sut.get('g')).toBe(4);
    time.now += CONFIRM_MS;
    expect(sut.get('g')).toBeUndefined();
  });

  it('keeps a bump pushed while a read was under way, and takes a lower generation from a read when none was (Redis reset)', () => {
    const { sut } = clock();
    sut.listening(true);
    sut.read('g', 5, sut.mark());
    const mark = sut.mark();
    sut.pushed('g', 6);
    sut.read('g', 5, mark);
    expect(sut.get('g')).toBe(6);
    sut.read('g', 1, sut.mark());
    expect(sut.get('g')).toBe(1);
  });

  it('trusts no generation read while a bump of a key it did not know yet was heard', () => {
    const { sut } = clock();
    sut.listening(true);
    // The read left before the bump reached Redis and came back after this process heard it.
    const mark = sut.mark();
    sut.pushed('g', 6);
    sut.read('g', 5, mark);
    expect(sut.get('g')).toBeUndefined();
    sut.read('g', 6, sut.mark());
    expect(sut.get('g')).toBe(6);
  });
});
