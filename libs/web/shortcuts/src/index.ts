export type { KeyCombo, Shortcut } from './lib/shortcut-registry';
export { ShortcutsProvider, useShortcut, useShortcutList } from './lib/shortcuts-provider';
export { ShortcutSheet } from './lib/shortcut-sheet';
