'use client';
import { useState, type ReactNode } from 'react';
import { Button, Dialog } from '@kassa/web/ui';
import styles from './admin.module.css';

export interface FormDialogProps {
  title: string;
  description?: string;
  submitLabel: string;
  /** False while the form lacks what it needs. */
  ready: boolean;
  busy: boolean;
  /** Runs the write; a thrown error's message is shown in the dialog, which stays open. */
  onSubmit(): Promise<void>;
  onClose(): void;
  children: ReactNode;
}

/** A dialog that writes something: its fields, Cancel and the submit button, and the API's refusal in words. */
export function FormDialog({ title, description, submitLabel, ready, busy, onSubmit, onClose, children }: FormDialogProps) {
  const [problem, setProblem] = useState<string>();
  const submit = async () => {
    setProblem(undefined);
    try {
      await onSubmit();
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !busy && onClose()}
      title={title}
      description={description}
      footer={
        <>
          <Button onClick={onClose} disabled={busy}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} loading={busy} disabled={!ready}>
            {submitLabel}
          </Button>
        </>
      }
    >
      <div className={styles.dialogForm}>
        {children}
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
