import { STORES, type TillDb } from './till-db';

/** This tablet's pairing: its credential and where it sells. */
export interface PairedDevice {
  deviceId: string;
  /** `kdv_…`: sent as `Authorization: Device <token>`; it only lists staff and signs them in by PIN. */
  deviceToken: string;
  registerId: string;
  registerName: string;
  storeId: string;
  storeName: string;
  tenantSlug: string;
  pairedAt: string;
}

const CURRENT = 'current';
/** The register's last receipt number on this device, in `meta`; the outbox moves it with each sale it queues. */
export const RECEIPT_COUNTER = 'lastReceiptNumber';

export const readPairedDevice = (db: TillDb) => db.get<PairedDevice>(STORES.device, CURRENT);

/** Stores the pairing and starts the receipt counter where the register left off, in one transaction. */
export function savePairedDevice(db: TillDb, device: PairedDevice, lastReceiptNumber: number): Promise<void> {
  return db.write([STORES.device, STORES.meta], (transaction) => {
    transaction.objectStore(STORES.device).put(device, CURRENT);
    transaction.objectStore(STORES.meta).put(lastReceiptNumber, RECEIPT_COUNTER);
  });
}

export async function lastReceiptNumber(db: TillDb): Promise<number> {
  return (await db.get<number>(STORES.meta, RECEIPT_COUNTER)) ?? 0;
}

/** The register may be ahead of this device (another tablet sold on it before); never number below it. */
export function raiseReceiptFloor(db: TillDb, registerLast: number): Promise<void> {
  return db.write([STORES.meta], (transaction) => {
    const meta = transaction.objectStore(STORES.meta);
    const request = meta.get(RECEIPT_COUNTER);
    request.onsuccess = () => {
      if (((request.result as number | undefined) ?? 0) < registerLast) meta.put(registerLast, RECEIPT_COUNTER);
    };
  });
}
