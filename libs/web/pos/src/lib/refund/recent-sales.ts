import { refundShare } from '@kassa/contracts';
import type { PricedSale } from '@kassa/contracts';
import type { Cart } from '../sell/cart';
import { STORES, type TillDb } from '../store/till-db';

/** A sale made on this device, kept after it syncs so it can be refunded here, offline too. */
export interface RecentSale {
  /** The sale's client id: the API's id once synced. */
  id: string;
  receiptNumber: number;
  occurredAt: string;
  totalMinor: number;
  lines: RefundableLine[];
}

/** A sale line as the refund screen shows it; `position` names it to the API before the sale has synced. */
export interface RefundableLine {
  position: number;
  name: string;
  quantity: number;
  totalMinor: number;
  taxMinor: number;
  refundedQuantity: number;
}

const RECENT_SALES = 'recentSales';
/** The last sales kept for refunds at this till (older ones are looked up by receipt number, online). */
const KEPT = 200;

export const recentSales = async (db: TillDb): Promise<RecentSale[]> => (await db.get<RecentSale[]>(STORES.meta, RECENT_SALES)) ?? [];

function change(db: TillDb, update: (sales: RecentSale[]) => RecentSale[]): Promise<void> {
  return db.write([STORES.meta], (transaction) => {
    const store = transaction.objectStore(STORES.meta);
    const read = store.get(RECENT_SALES);
    read.onsuccess = () => store.put(update((read.result as RecentSale[] | undefined) ?? []), RECENT_SALES);
  });
}

/** Keeps a sale just completed here (its lines as priced at the till, which the API prices alike). */
export function rememberSale(db: TillDb, sale: { cart: Cart; priced: PricedSale; receiptNumber: number; occurredAt: string }): Promise<void> {
  const recent: RecentSale = {
    id: sale.cart.id,
    receiptNumber: sale.receiptNumber,
    occurredAt: sale.occurredAt,
    totalMinor: sale.priced.totalMinor,
    lines: sale.cart.lines.map((line, position) => ({
      position,
      name: line.name,
      quantity: line.quantity,
      totalMinor: sale.priced.lines[position].totalMinor,
      taxMinor: sale.priced.lines[position].taxMinor,
      refundedQuantity: 0,
    })),
  };
  return change(db, (sales) => [recent, ...sales.filter((kept) => kept.id !== recent.id)].slice(0, KEPT));
}

/** Counts a refund made here against the kept sale, so the screen never offers the same units twice. */
export function noteRefunded(db: TillDb, saleId: string, refunded: { position: number; quantity: number }[]): Promise<void> {
  return change(db, (sales) =>
    sales.map((sale) =>
      sale.id !== saleId
        ? sale
        : {
            ...sale,
            lines: sale.lines.map((line) => ({
              ...line,
              refundedQuantity: line.refundedQuantity + (refunded.find((entry) => entry.position === line.position)?.quantity ?? 0),
            })),
          },
    ),
  );
}

/** What `quantity` more units of `line` give back: its share of what was paid, as the API computes it. */
export const lineRefundMinor = (line: RefundableLine, quantity: number) => refundShare(line, line.refundedQuantity, quantity).amountMinor;
