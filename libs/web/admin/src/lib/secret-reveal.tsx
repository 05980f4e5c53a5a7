'use client';
import { useState } from 'react';
import { Button, Dialog, Input } from '@kassa/web/ui';
import styles from './admin.module.css';

/** A secret the API shows only once (an API key, a webhook's signing secret), with a copy button. */
export function SecretReveal({ label, value }: { label: string; value: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <div className={styles.secret}>
      <Input label={label} value={value} readOnly className={styles.code} onFocus={(event) => event.target.select()} data-autofocus />
      <Button
        onClick={() =>
          void navigator.clipboard.writeText(value).then(
            () => setCopied(true),
            () => setCopied(false),
          )
        }
      >
        {copied ? 'Copied' : 'Copy'}
      </Button>
    </div>
  );
}

/** What a create dialog turns into once the API answered: the secret, shown this once, and the way on. */
export function SecretDialog({
  title,
  description,
  label,
  value,
  onClose,
  next = { label: 'Done', onClick: onClose },
}: {
  title: string;
  description: string;
  label: string;
  value: string;
  onClose(): void;
  next?: { label: string; onClick(): void };
}) {
  const done = next;
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={title}
      description={description}
      footer={
        <Button variant="primary" onClick={done.onClick}>
          {done.label}
        </Button>
      }
    >
      <SecretReveal label={label} value={value} />
    </Dialog>
  );
}
