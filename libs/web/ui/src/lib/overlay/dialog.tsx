'use client';
import { useEffect, useId, useRef, type ReactNode } from 'react';
import { IconButton } from '../button/button';
import { cx } from '../class-names';
import { CloseIcon } from '../icons';
import styles from './dialog.module.css';

export interface DialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  description?: ReactNode;
  children?: ReactNode;
  /** Buttons at the bottom, the main action last. */
  footer?: ReactNode;
  /** Escape, the close button and a click outside close it; off while something must be answered. */
  dismissible?: boolean;
  /** `alertdialog` for questions that interrupt (confirmations). */
  role?: 'dialog' | 'alertdialog';
  className?: string;
}

/**
 * A modal on the platform's `<dialog>`: the page behind is inert, focus stays inside and returns to
 * where it was, Escape closes it. Mark the control that should take focus first with `data-autofocus`.
 */
export function Dialog({ open, onOpenChange, title, description, children, footer, dismissible = true, role = 'dialog', className }: DialogProps) {
  const ref = useRef<HTMLDialogElement>(null);
  const titleId = useId();
  const descriptionId = useId();
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      dialog.showModal();
      // React's autoFocus runs before the dialog is shown; `data-autofocus` picks the first focus instead.
      dialog.querySelector<HTMLElement>('[data-autofocus]')?.focus();
    }
    if (!open && dialog.open) dialog.close();
  }, [open]);

  return (
    <dialog
      ref={ref}
      role={role === 'alertdialog' ? 'alertdialog' : undefined}
      className={cx(styles.dialog, className)}
      aria-labelledby={titleId}
      aria-describedby={description ? descriptionId : undefined}
      aria-modal="true"
      onCancel={(event) => {
        event.preventDefault();
        if (dismissible) onOpenChange(false);
      }}
      onClose={() => open && onOpenChange(false)}
      onClick={(event) => {
        // A click on the dialog element itself (not its content) is a click on the backdrop.
        if (dismissible && event.target === ref.current) onOpenChange(false);
      }}
    >
      {open && (
        <>
          <header className={styles.header}>
            <div>
              <h2 id={titleId} className={styles.title}>
                {title}
              </h2>
              {description && (
                <p id={descriptionId} className={styles.description}>
                  {description}
                </p>
              )}
            </div>
            {dismissible && <IconButton label="Close" icon={<CloseIcon />} size="small" onClick={() => onOpenChange(false)} />}
          </header>
          {children && <div className={styles.body}>{children}</div>}
          {footer && <footer className={styles.footer}>{footer}</footer>}
        </>
      )}
    </dialog>
  );
}

/** A panel from the side for details and secondary forms; same behaviour as Dialog. */
export function Drawer(props: Omit<DialogProps, 'role'>) {
  return <Dialog {...props} className={cx(styles.drawer, props.className)} />;
}
