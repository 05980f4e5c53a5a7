'use client';
import { lazy, Suspense, useCallback, useEffect, useMemo, useState } from 'react';
import { useClaimAppUpdate } from '@kassa/web/pwa';
import { ShopLocaleProvider } from '@kassa/web/ui';
import { tillOutbox } from './offline/till-outbox';
import { TillSyncProvider } from './offline/till-sync';
import { LockScreen } from './screens/lock-screen';
import { CatalogSnapshot } from './store/catalog-snapshot';
import { raiseReceiptFloor, readPairedDevice, type PairedDevice } from './store/paired-device';
import { TillDb } from './store/till-db';
import { CashierSession, fetchCurrentDevice, isDeviceRevoked, type CurrentDevice } from './till-api';
import { TillProvider, type Till } from './till-context';
import styles from './till.module.css';
import { countOf } from '@kassa/contracts';

// Loaded after the first paint: a paired till opens on the lock screen, and fetches the selling screen meanwhile.
const loadSellScreen = () => import('./screens/sell-screen');
const SellScreen = lazy(() => loadSellScreen().then((module) => ({ default: module.SellScreen })));
const PairingScreen = lazy(() => import('./screens/pairing-screen').then((module) => ({ default: module.PairingScreen })));

type Stage =
  | { name: 'starting' }
  | { name: 'unpaired'; reason?: string }
  | { name: 'locked'; device: PairedDevice }
  | { name: 'selling'; device: PairedDevice; session: CashierSession };

const REVOKED_REASON =
  'This tablet was unpaired from its register (revoked in the back office, or another tablet was paired with it). A manager can pair it again.';

const strandedNotice = (left: number, reason = 'This tablet is being unpaired.') =>
  `${reason} It still holds ${countOf(left, 'entry', 'entries')} that have not reached Kassa: export the queue from the device panel (the queue status) and import it on the tablet that takes over this register.`;

/** `/pos`: pairs the tablet once, then alternates between the lock screen and selling. */
export function TillApp() {
  const [db, setDb] = useState<TillDb>();
  const [stage, setStage] = useState<Stage>({ name: 'starting' });
  const [shop, setShop] = useState<CurrentDevice['tenant']>();
  const [stranded, setStranded] = useState<string>();
  // The till applies a new version itself, between sales with an empty queue (no "reload" toast here).
  useClaimAppUpdate();

  const unpair = useCallback(
    async (reason?: string) => {
      // Deleting the database would delete sales that never reached Kassa: keep them until they are exported.
      const left = db ? (await tillOutbox(db).entries()).length : 0;
      if (left > 0) return setStranded(strandedNotice(left, reason));
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
        const left = (await tillOutbox(opened).entries()).length;
        if (left > 0) return setStranded(strandedNotice(left, REVOKED_REASON));
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
  useEffect(() => {
    if (stage.name === 'locked') void loadSellScreen();
  }, [stage.name]);

  const splash = <div className={styles.splash} role="status" aria-label="Starting the till" />;
  if (stage.name === 'starting' || !db) return splash;
  if (stage.name === 'unpaired' || !till)
    return (
      <Suspense fallback={splash}>
        <PairingScreen
          db={db}
          reason={stage.name === 'unpaired' ? stage.reason : undefined}
          onPaired={(device, current) => {
            // The queue must survive storage pressure: ask once, at pairing (the device panel shows the answer).
            void navigator.storage?.persist?.();
            setShop(current.tenant);
            setStage({ name: 'locked', device });
          }}
        />
      </Suspense>
    );

  const tenant = stage.name === 'selling' ? stage.session.me.tenant : shop;
  return (
    <ShopLocaleProvider value={{ locale: tenant?.locale ?? 'en-US', currency: tenant?.currency ?? 'EUR', timeZone: tenant?.timeZone ?? 'UTC' }}>
      <TillProvider value={till}>
        <TillSyncProvider db={db} session={stage.name === 'selling' ? stage.session : undefined}>
          {stage.name === 'locked' ? (
            <LockScreen notice={stranded} onUnlocked={(session) => setStage({ name: 'selling', device: stage.device, session })} onRevoked={onRevoked} />
          ) : (
            <Suspense fallback={splash}>
              <SellScreen key={stage.session.me.user.id} session={stage.session} onLock={lock} />
            </Suspense>
          )}
        </TillSyncProvider>
      </TillProvider>
    </ShopLocaleProvider>
  );
}
