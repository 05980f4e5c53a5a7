'use client';
import { useState } from 'react';
import { Button, Input } from '@kassa/web/ui';
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
