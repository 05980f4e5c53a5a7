import { comboLabel, matchesCombo, ShortcutRegistry, type KeyPress, type Shortcut } from './shortcut-registry';

function press(key: string, modifiers: Partial<KeyPress> = {}): KeyPress {
  return { key, ctrlKey: false, metaKey: false, shiftKey: false, altKey: false, inEditable: false, ...modifiers };
}

function shortcut(id: string, overrides: Partial<Shortcut> = {}): Shortcut & { runs: number } {
  const result = { id, combo: { key: 'k', mod: true }, description: id, group: 'Test', runs: 0, run: () => result.runs++, ...overrides };
  return result;
}

describe('matchesCombo', () => {
  it('accepts Ctrl or Cmd for a mod combo', () => {
    expect(matchesCombo({ key: 'k', mod: true }, press('k', { ctrlKey: true }))).toBe(true);
    expect(matchesCombo({ key: 'k', mod: true }, press('K', { metaKey: true }))).toBe(true);
    expect(matchesCombo({ key: 'k', mod: true }, press('k'))).toBe(false);
  });

  it('refuses extra modifiers on a plain key', () => {
    expect(matchesCombo({ key: '?' }, press('?', { shiftKey: true }))).toBe(true);
    expect(matchesCombo({ key: '?' }, press('?', { ctrlKey: true }))).toBe(false);
    expect(matchesCombo({ key: '2', ctrl: true }, press('2', { ctrlKey: true, altKey: true }))).toBe(false);
  });

  it('tells Ctrl+2 from Ctrl+Shift+2', () => {
    expect(matchesCombo({ key: '2', ctrl: true }, press('2', { ctrlKey: true, shiftKey: true }))).toBe(false);
  });
});

describe('comboLabel', () => {
  it('names the keys as each platform does', () => {
    expect(comboLabel({ key: 'k', mod: true }, false)).toBe('Ctrl+K');
    expect(comboLabel({ key: 'k', mod: true }, true)).toBe('⌘K');
  });
});

describe('ShortcutRegistry', () => {
  it('runs the shortcut whose combo was pressed', () => {
    const sut = new ShortcutRegistry();
    const palette = shortcut('palette');
    sut.register(palette);
    expect(sut.handle(press('k', { ctrlKey: true }))).toBe(true);
    expect(palette.runs).toBe(1);
  });

  it('leaves typing alone unless the shortcut is allowed inside inputs', () => {
    const sut = new ShortcutRegistry();
    const help = shortcut('help', { combo: { key: '?' } });
    const palette = shortcut('palette', { allowInInputs: true });
    sut.register(help);
    sut.register(palette);
    expect(sut.handle(press('?', { shiftKey: true, inEditable: true }))).toBe(false);
    expect(sut.handle(press('k', { ctrlKey: true, inEditable: true }))).toBe(true);
    expect([help.runs, palette.runs]).toEqual([0, 1]);
  });

  it('forgets a shortcut once it is unregistered', () => {
    const sut = new ShortcutRegistry();
    const unregister = sut.register(shortcut('palette'));
    unregister();
    expect(sut.list()).toEqual([]);
    expect(sut.handle(press('k', { ctrlKey: true }))).toBe(false);
  });

  it('replaces a shortcut registered again under the same id', () => {
    const sut = new ShortcutRegistry();
    const first = shortcut('palette');
    const second = shortcut('palette');
    sut.register(first);
    sut.register(second);
    sut.handle(press('k', { ctrlKey: true }));
    expect(sut.list()).toHaveLength(1);
    expect([first.runs, second.runs]).toEqual([0, 1]);
  });
});
