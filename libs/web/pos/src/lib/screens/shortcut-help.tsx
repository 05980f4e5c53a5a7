'use client';
import { Dialog } from '@kassa/web/ui';
import styles from '../till.module.css';

export const TILL_KEYS: readonly (readonly [string, string])[] = [
  ['F2', 'Search or scan'],
  ['F4', 'Take payment'],
  ['F8', 'Park the sale'],
  ['Esc', 'Clear the search box, or close a dialog'],
  ['Enter', 'Add the scanned or typed code'],
  ['?', 'Show these keys'],
];

/** The till's keys (a barcode scanner types digits and Enter into the search box). */
export function ShortcutHelp({ open, onClose }: { open: boolean; onClose(): void }) {
  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()} title="Keyboard shortcuts">
      <dl className={styles.keyList}>
        {TILL_KEYS.map(([key, what]) => (
          <div key={key}>
            <dt>
              <kbd>{key}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}
