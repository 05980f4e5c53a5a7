'use client';
import { useEffect, useRef, useSyncExternalStore } from 'react';
import { comboLabel } from './shortcut-registry';
import styles from './shortcut-sheet.module.css';
import { useShortcut, useShortcutList } from './shortcuts-provider';

const subscribeNever = () => () => undefined;

/** The `?` sheet: every registered shortcut, grouped as features registered them. */
export function ShortcutSheet({ open, onOpenChange: setOpen }: { open: boolean; onOpenChange(open: boolean): void }) {
  const dialog = useRef<HTMLDialogElement>(null);
  const shortcuts = useShortcutList();
  const isMac = useSyncExternalStore(
    subscribeNever,
    () => /Mac|iPhone|iPad/.test(navigator.platform),
    () => false,
  );
  useShortcut({ id: 'shortcuts.sheet', combo: { key: '?' }, description: 'Show keyboard shortcuts', group: 'General', run: () => setOpen(true) });

  useEffect(() => {
    if (open && !dialog.current?.open) dialog.current?.showModal();
    if (!open && dialog.current?.open) dialog.current.close();
  }, [open]);

  const groups = [...new Set(shortcuts.map((shortcut) => shortcut.group))];
  return (
    <dialog ref={dialog} className={styles.sheet} aria-labelledby="shortcut-sheet-title" onClose={() => setOpen(false)}>
      <header className={styles.header}>
        <h2 id="shortcut-sheet-title">Keyboard shortcuts</h2>
        <button type="button" className={styles.close} onClick={() => setOpen(false)}>
          Close
        </button>
      </header>
      {groups.map((group) => (
        <section key={group} aria-label={group}>
          <h3 className={styles.group}>{group}</h3>
          <dl className={styles.list}>
            {shortcuts
              .filter((shortcut) => shortcut.group === group)
              .map((shortcut) => (
                <div key={shortcut.id} className={styles.row}>
                  <dt>
                    <kbd>{comboLabel(shortcut.combo, isMac)}</kbd>
                  </dt>
                  <dd>{shortcut.description}</dd>
                </div>
              ))}
          </dl>
        </section>
      ))}
    </dialog>
  );
}
