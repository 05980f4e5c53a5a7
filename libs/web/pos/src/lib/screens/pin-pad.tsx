'use client';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Button } from '@kassa/web/ui';
import styles from '../till.module.css';

interface PinPadProps {
  /** Whose PIN: names the field. */
  who: string;
  busy: boolean;
  error?: string;
  submitLabel: string;
  onSubmit(pin: string): void;
  onCancel(): void;
}

const KEYS = ['1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** A PIN field with a big keypad: taps and a keyboard both type into the same field. */
export function PinPad({ who, busy, error, submitLabel, onSubmit, onCancel }: PinPadProps) {
  const [pin, setPin] = useState('');
  const field = useRef<HTMLInputElement>(null);
  useEffect(() => field.current?.focus(), []);
  useEffect(() => {
    if (error) setPin('');
    field.current?.focus();
  }, [error]);

  const type = (digit: string) => {
    setPin((current) => (current.length < 8 ? current + digit : current));
    field.current?.focus();
  };
  const submit = (event?: FormEvent) => {
    event?.preventDefault();
    if (pin.length >= 4 && !busy) onSubmit(pin);
  };

  return (
    <form className={styles.pinPad} onSubmit={submit}>
      <label className={styles.pinLabel}>
        <span>PIN for {who}</span>
        <input
          ref={field}
          className={styles.pinField}
          type="password"
          inputMode="numeric"
          autoComplete="off"
          pattern="[0-9]*"
          maxLength={8}
          value={pin}
          aria-invalid={error ? true : undefined}
          aria-describedby={error ? 'pin-error' : undefined}
          onChange={(event) => setPin(event.target.value.replace(/\D/g, '').slice(0, 8))}
        />
      </label>
      <p id="pin-error" role="alert" className={styles.error}>
        {error ?? ''}
      </p>
      <div className={styles.keys}>
        {KEYS.map((digit) => (
          <button key={digit} type="button" className={styles.key} onClick={() => type(digit)} aria-label={`Digit ${digit}`}>
            {digit}
          </button>
        ))}
        <button type="button" className={styles.key} onClick={() => setPin((current) => current.slice(0, -1))} aria-label="Delete last digit">
          ⌫
        </button>
        <button type="button" className={styles.key} onClick={() => type('0')} aria-label="Digit 0">
          0
        </button>
        <button type="submit" className={`${styles.key} ${styles.keyEnter}`} disabled={pin.length < 4 || busy} aria-label={submitLabel}>
          ✓
        </button>
      </div>
      <Button variant="ghost" onClick={onCancel}>
        Back
      </Button>
    </form>
  );
}
