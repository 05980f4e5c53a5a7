'use client';
import { useEffect, useRef } from 'react';
import { Button, useShopFormat } from '@kassa/web/ui';
import type { Tender } from '../sell/tenders';
import { useTillSync } from './till-sync';
import styles from './offline.module.css';
import tillStyles from '../till.module.css';

/** A completed sale the API has not answered yet (it is in the queue). */
export interface QueuedSale {
  saleId: string;
  receiptNumber: number;
  totalMinor: number;
  changeMinor: number;
  tenders: Tender[];
}

/**
 * After payment without the API's answer: the sale is done (it is in the device's queue); the change
 * due and what happens next. The API's printed receipt comes once the sale has been sent.
 */
export function QueuedReceipt({ sale, onNewSale }: { sale: QueuedSale; onNewSale(): void }) {
  const format = useShopFormat();
  const sync = useTillSync();
  const newSale = useRef<HTMLButtonElement>(null);
  useEffect(() => {
    const frame = requestAnimationFrame(() => newSale.current?.focus());
    return () => cancelAnimationFrame(frame);
  }, []);
  const entry = sync.entries.find((queued) => queued.id === sale.saleId);

  return (
    <section className={`${tillStyles.receiptPanel} ${styles.receipt}`} aria-labelledby="receipt-title">
      <h2 id="receipt-title" className={tillStyles.receiptTitle}>
        Sale complete · Receipt #{sale.receiptNumber}
      </h2>
      {sale.changeMinor > 0 && (
        <p className={tillStyles.changeDue}>
          Change due <strong data-testid="change-due">{format.money(sale.changeMinor)}</strong>
        </p>
      )}
      <p className={tillStyles.muted}>
        Total {format.money(sale.totalMinor)} · {sale.tenders.map((tender) => `${tender.type} ${format.money(tender.amountMinor)}`).join(' + ')}
      </p>
      {entry?.state === 'refused' ? (
        <p className={styles.refused} role="alert">
          Kassa refused this sale: {entry.refusal?.detail}. It stays on this device; a manager sees it in the device panel.
        </p>
      ) : (
        <p role="status">{entry ? 'Saved on this device: it is sent to Kassa as soon as Kassa can be reached.' : 'Sent to Kassa.'}</p>
      )}
      <div className={tillStyles.receiptActions}>
        <Button ref={newSale} variant="primary" className={tillStyles.bigButton} onClick={onNewSale}>
          New sale
        </Button>
      </div>
    </section>
  );
}
