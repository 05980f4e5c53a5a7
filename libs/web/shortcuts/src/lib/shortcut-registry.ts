/** A key combination. `mod` is Ctrl on Windows and Linux, ⌘ on macOS (either is accepted). */
export interface KeyCombo {
  key: string;
  mod?: boolean;
  ctrl?: boolean;
  shift?: boolean;
  alt?: boolean;
}

export interface Shortcut {
  id: string;
  combo: KeyCombo;
  description: string;
  group: string;
  /** Runs while typing in a field too: only for shortcuts that make sense there (palette, save). */
  allowInInputs?: boolean;
  run: () => void;
}

/** The part of a KeyboardEvent a shortcut looks at. */
export interface KeyPress {
  key: string;
  ctrlKey: boolean;
  metaKey: boolean;
  shiftKey: boolean;
  altKey: boolean;
  /** The element typing goes to: an input, a textarea, a select or an editable element. */
  inEditable: boolean;
}

export function matchesCombo(combo: KeyCombo, press: KeyPress): boolean {
  if (press.key.toLowerCase() !== combo.key.toLowerCase()) return false;
  if (press.altKey !== Boolean(combo.alt)) return false;
  if (combo.mod) {
    if (!(press.ctrlKey || press.metaKey)) return false;
  } else if (press.ctrlKey !== Boolean(combo.ctrl) || press.metaKey) {
    return false;
  }
  // Keys such as `?` already need Shift on most layouts: only check Shift for letters and digits.
  return /^[a-z0-9]$/i.test(combo.key) ? press.shiftKey === Boolean(combo.shift) : true;
}

export function comboLabel(combo: KeyCombo, isMac: boolean): string {
  const parts: string[] = [];
  if (combo.mod) parts.push(isMac ? '⌘' : 'Ctrl');
  if (combo.ctrl) parts.push('Ctrl');
  if (combo.alt) parts.push(isMac ? '⌥' : 'Alt');
  if (combo.shift) parts.push('Shift');
  parts.push(combo.key.length === 1 ? combo.key.toUpperCase() : combo.key);
  return parts.join(isMac ? '' : '+');
}

/** Every shortcut features have registered; the last registered wins when two share a combo. */
export class ShortcutRegistry {
  private shortcuts: Shortcut[] = [];
  private readonly listeners = new Set<() => void>();

  register(shortcut: Shortcut): () => void {
    this.shortcuts = [...this.shortcuts.filter((existing) => existing.id !== shortcut.id), shortcut];
    this.notify();
    return () => {
      this.shortcuts = this.shortcuts.filter((existing) => existing !== shortcut);
      this.notify();
    };
  }

  list(): readonly Shortcut[] {
    return this.shortcuts;
  }

  /** Runs the matching shortcut; true when one ran (the caller then prevents the browser's default). */
  handle(press: KeyPress): boolean {
    const shortcut = [...this.shortcuts].reverse().find((candidate) => matchesCombo(candidate.combo, press) && (!press.inEditable || candidate.allowInInputs));
    shortcut?.run();
    return shortcut !== undefined;
  }

  subscribe(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }
}
