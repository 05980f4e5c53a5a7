'use client';
import { useCallback, useEffect, useMemo, useState } from 'react';
import { ShopLocaleProvider } from '@kassa/web/ui';
import { LockScreen } from './screens/lock-screen';
import { PairingScreen } from './screens/pairing-screen';
import { SellScreen } from './screens/sell-screen';
import { CatalogSnapshot } from './store/catalog-snapshot';
import { raiseReceiptFloor, readPairedDevice, type PairedDevice } from './store/paired-device';
import { TillDb } from './store/till-db';
import { CashierSession, fetchCurrentDevice, isDeviceRevoked, type CurrentDevice } from './till-api';
import { TillProvider, type Till } from './till-context';
import styles from './till.module.css';

type Stage =
  | { name: 'starting' }
  | { name: 'unpaired'; reason?: string }
  | { name: 'locked'; device: PairedDevice }
  | { name: 'selling'; device: PairedDevice; session: CashierSession };

const REVOKED_REASON =
  'This tablet was unpaired from its register (revoked in the back office, or another tablet was paired with it). A manager can pair it again.';

/** `/pos`: pairs the tablet once, then alternates between the lock screen and selling. */
export function TillApp() {
  const [db, setDb] = useState<TillDb>();
  const [stage, setStage] = useState<Stage>({ name: 'starting' });
  const [shop, setShop] = useState<CurrentDevice['tenant']>();

  const unpair = useCallback(
    async (reason?: string) => {
      await db?.destroy();
      setShop(undefined);
      setDb(await TillDb.open());
      setStage({ name: 'unpaired', reason });
    },
    [db],
  );

  const checkPairing = useCallback(async (opened: TillDb, device: PairedDevice) => {
    try {
      const current = await fetchCurrentDevice(device.deviceToken);
      setShop(current.tenant);
      await raiseReceiptFloor(opened, current.register.lastReceiptNumber);
    } catch (error) {
      // Offline, the till sells on from its snapshot; only a revocation ends the pairing.
      if (isDeviceRevoked(error)) {
        await opened.destroy();
        setDb(await TillDb.open());
        setStage({ name: 'unpaired', reason: REVOKED_REASON });
      }
    }
  }, []);

  useEffect(() => {
    let live = true;
    void (async () => {
      const opened = await TillDb.open();
      const device = await readPairedDevice(opened);
      if (!live) return;
      setDb(opened);
      if (!device) return setStage({ name: 'unpaired' });
      setStage({ name: 'locked', device });
      await checkPairing(opened, device);
    })();
    return () => {
      live = false;
    };
  }, [checkPairing]);

  const till = useMemo<Till | undefined>(() => {
    if (!db || stage.name === 'starting' || stage.name === 'unpaired') return undefined;
    return { db, snapshot: new CatalogSnapshot(db), device: stage.device, unpair };
  }, [db, stage, unpair]);

  const lock = useCallback(() => {
    setStage((current) => {
      if (current.name !== 'selling') return current;
      void current.session.end();
      return { name: 'locked', device: current.device };
    });
  }, []);

  const onRevoked = useCallback(() => void unpair(REVOKED_REASON), [unpair]);

  if (stage.name === 'starting' || !db) return <div className={styles.splash} role="status" aria-label="Starting the till" />;
  if (stage.name === 'unpaired' || !till)
    return (
      <PairingScreen
        db={db}
        reason={stage.name === 'unpaired' ? stage.reason : undefined}
        onPaired={(device, current) => {
          setShop(current.tenant);
          setStage({ name: 'locked', device });
        }}
      />
    );

  const tenant = stage.name === 'selling' ? stage.session.me.tenant : shop;
  return (
    <ShopLocaleProvider value={{ locale: tenant?.locale ?? 'en-US', currency: tenant?.currency ?? 'EUR', timeZone: tenant?.timeZone ?? 'UTC' }}>
      <TillProvider value={till}>
        {stage.name === 'locked' ? (
          <LockScreen onUnlocked={(session) => setStage({ name: 'selling', device: stage.device, session })} onRevoked={onRevoked} />
        ) : (
          <SellScreen key={stage.session.me.user.id} session={stage.session} onLock={lock} />
        )}
      </TillProvider>
    </ShopLocaleProvider>
  );
}
