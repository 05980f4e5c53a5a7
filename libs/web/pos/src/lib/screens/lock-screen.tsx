'use client';
import { useEffect, useState } from 'react';
import { ErrorCode } from '@kassa/contracts';
import { isApiError } from '@kassa/web/data-access';
import { useOnline } from '@kassa/web/pwa';
import { Button } from '@kassa/web/ui';
import { CashierSession, fetchStaff, isDeviceRevoked, type StaffMember } from '../till-api';
import { SyncStatus } from '../offline/sync-status';
import { useTillSync } from '../offline/till-sync';
import { useUpdateWhenIdle } from '../offline/update-when-idle';
import { useTill } from '../till-context';
import { PinPad } from './pin-pad';
import { StaffPicker } from './staff-picker';
import styles from '../till.module.css';

const STAFF_RETRY_MS = 5_000;
// Loaded apart (the /pos first-load budget); fetched as soon as the lock screen shows, so it is there offline too.
const offlineStaffModule = () => import('../offline/offline-staff');

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
export function LockScreen({ notice, onUnlocked, onRevoked }: { notice?: string; onUnlocked(session: CashierSession): void; onRevoked(): void }) {
  const { device, db } = useTill();
  useEffect(() => void offlineStaffModule(), []);
  const [staff, setStaff] = useState<StaffMember[]>();
  const [loadError, setLoadError] = useState<string>();
  const [chosen, setChosen] = useState<StaffMember>();
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<string>();
  const online = useOnline();
  const sync = useTillSync();
  useUpdateWhenIdle({ cartLines: 0, busy: chosen !== undefined, waiting: sync.waiting });

  // Asked again when the network comes back, and every few seconds while it fails: a till locked while
  // offline lists its staff as soon as it can.
  useEffect(() => {
    let live = true;
    let retry: ReturnType<typeof setTimeout> | undefined;
    const load = () =>
      fetchStaff(device.deviceToken).then(
        (members) => {
          if (!live) return;
          setStaff(members);
          setLoadError(undefined);
        },
        (failure: unknown) => {
          if (isDeviceRevoked(failure)) return onRevoked();
          if (!live) return;
          setLoadError(pinProblem(failure));
          // Without the network: who signed in here in the last 12 hours (their PIN hashes are on this tablet).
          void offlineStaffModule()
            .then((offline) => offline.offlineStaffOf(db))
            .then((members) => live && members.length > 0 && setStaff((known) => known ?? members));
          retry = setTimeout(load, STAFF_RETRY_MS);
        },
      );
    void load();
    return () => {
      live = false;
      clearTimeout(retry);
    };
  }, [device.deviceToken, onRevoked, online, db]);

  async function signIn(pin: string) {
    if (!chosen) return;
    setBusy(true);
    setError(undefined);
    try {
      const session = await CashierSession.start(device.deviceToken, chosen.id, pin);
      // Hashed after the unlock (600,000 PBKDF2 rounds take a moment): it is only needed once the network drops.
      void offlineStaffModule()
        .then((staff) => staff.rememberSignIn(db, chosen, session.me, pin))
        .catch(() => undefined);
      onUnlocked(session);
    } catch (failure) {
      if (isDeviceRevoked(failure)) return onRevoked();
      if (isApiError(failure) && failure.kind === 'offline') {
        const offline = await (await offlineStaffModule()).signInOfflineAt(db, chosen.id, pin);
        if ('me' in offline) return onUnlocked(CashierSession.offline(offline.me));
        setError(offline.refused);
      } else {
        setError(pinProblem(failure));
      }
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
        {notice && (
          <p role="alert" className={styles.notice}>
            {notice}
          </p>
        )}
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
