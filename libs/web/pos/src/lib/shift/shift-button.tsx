'use client';
import { lazy, Suspense, useCallback, useEffect, useState } from 'react';
import type { ApiAccess } from '@kassa/web/data-access';
import { fetchCurrentShift, fetchShiftSettings, type Shift } from './shift-api';
import tillStyles from '../till.module.css';
import styles from './shift.module.css';

// The drawer's screens load when first opened: they never weigh on the till's first paint.
const ShiftDialog = lazy(() => import('./shift-dialog').then((module) => ({ default: module.ShiftDialog })));

/** The top bar's drawer button: says whether the register's shift is open, and opens the shift screens. */
export function ShiftButton({ access, registerId }: { access: ApiAccess; registerId: string }) {
  const [shift, setShift] = useState<Shift | null | undefined>(undefined);
  const [open, setOpen] = useState(false);
  const refresh = useCallback(() => fetchCurrentShift(access, registerId).then(setShift, () => setShift(undefined)), [access, registerId]);
  useEffect(() => {
    void (async () => {
      const current = await fetchCurrentShift(access, registerId).catch(() => undefined);
      setShift(current);
      // A shop that sells only with an open shift greets the cashier with the opening screen.
      if (current === null && (await fetchShiftSettings(access).catch(() => undefined))?.requireOpenShift) setOpen(true);
    })();
  }, [access, registerId]);
  const label = shift === undefined ? 'Shift' : shift ? 'Shift open' : 'No shift';
  return (
    <>
      <button type="button" className={tillStyles.barButton} onClick={() => setOpen(true)} data-shift={shift ? 'open' : 'none'}>
        <span className={shift ? styles.dotOpen : styles.dotNone} aria-hidden="true" />
        {label}
      </button>
      {open && (
        <Suspense fallback={null}>
          <ShiftDialog
            open
            access={access}
            registerId={registerId}
            shift={shift ?? null}
            onShift={(next) => (next ? setShift(next) : void refresh())}
            onClose={() => setOpen(false)}
          />
        </Suspense>
      )}
    </>
  );
}
