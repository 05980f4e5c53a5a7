'use client';
import { useState, type ReactNode } from 'react';
import { Button } from '../button/button';
import { Input } from '../field/input';
import { Dialog } from './dialog';

export interface ConfirmDialogProps {
  open: boolean;
  onOpenChange(open: boolean): void;
  title: ReactNode;
  description?: ReactNode;
  confirmLabel: string;
  cancelLabel?: string;
  /** `danger` for what cannot be undone. */
  tone?: 'primary' | 'danger';
  /** The person types this (a shop's name, `DELETE`) before the confirm button works. */
  typedConfirmation?: string;
  onConfirm(): void | Promise<void>;
  children?: ReactNode;
}

/** Asks before doing something; busy while the confirmed action runs, and closes when it is done. */
export function ConfirmDialog({
  open,
  onOpenChange,
  title,
  description,
  confirmLabel,
  cancelLabel = 'Cancel',
  tone = 'primary',
  typedConfirmation,
  onConfirm,
  children,
}: ConfirmDialogProps) {
  const [typed, setTyped] = useState('');
  const [busy, setBusy] = useState(false);
  const confirmed = typedConfirmation === undefined || typed.trim() === typedConfirmation;
  const change = (next: boolean) => {
    if (busy) return;
    if (!next) setTyped('');
    onOpenChange(next);
  };
  const confirm = async () => {
    setBusy(true);
    try {
      await onConfirm();
      setTyped('');
      onOpenChange(false);
    } finally {
      setBusy(false);
    }
  };
  return (
    <Dialog
      open={open}
      onOpenChange={change}
      title={title}
      description={description}
      role="alertdialog"
      dismissible={!busy}
      footer={
        <>
          <Button onClick={() => change(false)} disabled={busy} data-autofocus={typedConfirmation === undefined || undefined}>
            {cancelLabel}
          </Button>
          <Button variant={tone} onClick={() => void confirm()} disabled={!confirmed} loading={busy}>
            {confirmLabel}
          </Button>
        </>
      }
    >
      {children}
      {typedConfirmation !== undefined && (
        <Input
          label={
            <>
              Type <strong>{typedConfirmation}</strong> to confirm
            </>
          }
          value={typed}
          onChange={(event) => setTyped(event.target.value)}
          autoComplete="off"
          data-autofocus
        />
      )}
    </Dialog>
  );
}
