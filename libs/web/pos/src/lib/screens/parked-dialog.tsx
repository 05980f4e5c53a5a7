'use client';
import { Dialog, useShopFormat } from '@kassa/web/ui';
import type { ParkedSale } from '../store/parked-sales';
import styles from '../till.module.css';

/** Sales put aside on this device; one tap takes a sale back into the cart. */
export function ParkedDialog({ sales, onResume, onClose }: { sales: ParkedSale[] | undefined; onResume(id: string): void; onClose(): void }) {
  const format = useShopFormat();
  return (
    <Dialog open={sales !== undefined} onOpenChange={(next) => !next && onClose()} title="Parked sales">
      {sales?.length === 0 && <p>No sales are parked on this till.</p>}
      <ul className={styles.pickList} aria-label="Parked sales">
        {sales?.map((sale) => (
          <li key={sale.id}>
            <button type="button" className={styles.pickItem} onClick={() => onResume(sale.id)}>
              <strong>{sale.cart.lines.map((line) => `${line.quantity}× ${line.name}`).join(', ')}</strong>
              <span className={styles.muted}>
                {sale.cart.customer ? `${sale.cart.customer.name} · ` : ''}parked by {sale.parkedBy} at {format.dateTime(sale.parkedAt, { timeStyle: 'short' })}
              </span>
            </button>
          </li>
        ))}
      </ul>
    </Dialog>
  );
}
