import type { Cart } from '../sell/cart';
import { STORES, type TillDb } from './till-db';

/** A sale put aside on this device, to be resumed later (by anyone signed in here). */
export interface ParkedSale {
  id: string;
  parkedAt: string;
  parkedBy: string;
  cart: Cart;
}

export async function parkedSales(db: TillDb): Promise<ParkedSale[]> {
  return (await db.getAll<ParkedSale>(STORES.parked)).sort((a, b) => a.parkedAt.localeCompare(b.parkedAt));
}

export const parkSale = (db: TillDb, sale: ParkedSale) => db.write([STORES.parked], (transaction) => transaction.objectStore(STORES.parked).put(sale));

/** Takes a parked sale back into the cart: it leaves the parked list. */
export async function resumeParkedSale(db: TillDb, id: string): Promise<ParkedSale | undefined> {
  const sale = await db.get<ParkedSale>(STORES.parked, id);
  if (sale) await db.write([STORES.parked], (transaction) => transaction.objectStore(STORES.parked).delete(id));
  return sale;
}
