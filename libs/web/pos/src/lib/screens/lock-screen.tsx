'use client';
import { useEffect, useState } from 'react';
import { ErrorCode } from '@kassa/contracts';
import { isApiError } from '@kassa/web/data-access';
import { Button } from '@kassa/web/ui';
import { CashierSession, fetchStaff, isDeviceRevoked, type StaffMember } from '../till-api';
import { SyncStatus } from '../offline/sync-status';
import { useTill } from '../till-context';
import { PinPad } from './pin-pad';
import { StaffPicker } from './staff-picker';
import styles from '../till.module.css';

/** A sentence for a refused PIN. */
export function pinProblem(error: unknown): string {
  if (!isApiError(error)) return 'Something went wrong. Try again.';
  switch (error.problem?.code) {
    case ErrorCode.PinInvalid:
      return 'That PIN is not right. Try again.';
    case ErrorCode.PinLocked:
      return 'Too many wrong PINs. Wait a few minutes, or ask a manager.';
    case ErrorCode.PinNotSet:
      return 'No PIN is set for this person yet: set one under your profile in the back office.';
    default:
      return error.kind === 'offline' ? 'Kassa cannot be reached. Check the connection.' : error.message;
  }
}

/** Who is selling: the store's staff as tiles, one tap and a PIN to sign in. */
export function LockScreen({ onUnlocked, onRevoked }: { onUnlocked(session: CashierSession): void; onRevoked(): void }) {
  const { device } = useTill();
  const [staff, setStaff] = useState<StaffMember[]>();
  const [loadError, setLoadError] = useState<string>();
  const [chosen, setChosen] = useState<StaffMember>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    let live = true;
    fetchStaff(device.deviceToken).then(
      (members) => live && setStaff(members),
      (failure: unknown) => {
        if (isDeviceRevoked(failure)) onRevoked();
        else if (live) setLoadError(pinProblem(failure));
      },
    );
    return () => {
      live = false;
    };
  }, [device.deviceToken, onRevoked]);

  async function signIn(pin: string) {
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    try {
      onUnlocked(await CashierSession.start(device.deviceToken, chosen.id, pin));
    } catch (failure) {
      if (isDeviceRevoked(failure)) return onRevoked();
      setError(pinProblem(failure));
      setBusy(false);
    }
  }

  return (
    <main className={styles.centered}>
      <section className={styles.lockCard} aria-labelledby="lock-title">
        <p className={styles.muted}>
          {device.storeName} · {device.registerName}
        </p>
        <SyncStatus className={styles.barButton} />
        <h1 id="lock-title" className={styles.cardTitle}>
          {chosen ? `Hello, ${chosen.name}` : 'Who is selling?'}
        </h1>
        {chosen ? (
          <PinPad
            who={chosen.name}
            busy={busy}
            error={error}
            submitLabel="Sign in"
            onSubmit={(pin) => void signIn(pin)}
            onCancel={() => {
              setChosen(undefined);
              setError(undefined);
            }}
          />
        ) : (
          <>
            {!staff && !loadError && <p role="status">Loading staff…</p>}
            {loadError && (
              <div role="alert" className={styles.stack}>
                <p>{loadError}</p>
                <Button onClick={() => window.location.reload()}>Try again</Button>
              </div>
            )}
            {staff?.length === 0 && <p>No one works in this store yet. Invite staff in the back office.</p>}
            {staff && staff.length > 0 && <StaffPicker staff={staff} label="Staff" onPick={setChosen} />}
          </>
        )}
      </section>
    </main>
  );
}
