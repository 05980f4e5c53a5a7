'use client';
import { useEffect, useState } from 'react';
import { Button, Dialog, MoneyInput, useShopFormat } from '@kassa/web/ui';
import type { ReceiptChoice } from '../sell/print-receipt';
import { quickCashAmounts, tenderLimit, tenderState, type Tender, type TenderType } from '../sell/tenders';
import styles from '../till.module.css';

interface PayDialogProps {
  open: boolean;
  totalMinor: number;
  /** Sending the sale: the buttons wait. */
  busy: boolean;
  /** Whether the till takes this tender now (offline, cards only where the shop allows them). */
  allows(type: TenderType): boolean;
  /** Called once the tenders reach the total: the sale goes to the device's queue, then to the API. */
  onComplete(tenders: Tender[]): void;
  /** Printed, emailed or none: what happens once the sale is recorded. */
  receipt: ReceiptChoice;
  onReceipt(choice: ReceiptChoice): void;
  onClose(): void;
}

const TENDER_LABELS: Record<TenderType, string> = { cash: 'Cash', card: 'Card', other: 'Other' };
const RECEIPT_LABELS: Record<ReceiptChoice, string> = { none: 'None', print: 'Print', email: 'Email' };

/** Cash (quick amounts, change due), card, other, or several: the sale completes when the total is covered. */
export function PayDialog({ open, totalMinor, busy, allows, onComplete, receipt, onReceipt, onClose }: PayDialogProps) {
  const format = useShopFormat();
  const [tenders, setTenders] = useState<Tender[]>([]);
  const [amount, setAmount] = useState<number | null>(null);
  useEffect(() => {
    if (open) {
      setTenders([]);
      setAmount(null);
    }
  }, [open]);
  const state = tenderState(totalMinor, tenders);

  const add = (type: TenderType, amountMinor: number) => {
    const capped = Math.min(amountMinor, tenderLimit(type, state.dueMinor));
    if (capped <= 0 || busy || !allows(type)) return;
    const next = [...tenders, { type, amountMinor: capped }];
    setTenders(next);
    setAmount(null);
    if (tenderState(totalMinor, next).complete) onComplete(next);
  };
  const addTyped = (type: TenderType) => add(type, amount ?? state.dueMinor);

  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && !busy && onClose()}
      title="Take payment"
      className={styles.payDialog}
      footer={
        tenders.length > 0 && !busy ? (
          <Button onClick={() => setTenders([])} aria-label="Start the payment again">
            Clear payments
          </Button>
        ) : undefined
      }
    >
      <div className={styles.payGrid}>
        <dl className={styles.payFigures}>
          <div>
            <dt>Total</dt>
            <dd>{format.money(totalMinor)}</dd>
          </div>
          <div>
            <dt>Paid</dt>
            <dd>{format.money(state.paidMinor)}</dd>
          </div>
          <div className={styles.dueFigure}>
            <dt>{state.changeMinor > 0 ? 'Change due' : 'Due'}</dt>
            <dd data-testid="due">{format.money(state.changeMinor > 0 ? state.changeMinor : state.dueMinor)}</dd>
          </div>
        </dl>
        {tenders.length > 0 && (
          <ul className={styles.tenderList} aria-label="Payments">
            {tenders.map((tender, index) => (
              <li key={index}>
                {TENDER_LABELS[tender.type]} {format.money(tender.amountMinor)}
              </li>
            ))}
          </ul>
        )}
        <div className={styles.quickRow} role="group" aria-label="Quick cash">
          {quickCashAmounts(state.dueMinor).map((quick) => (
            <button key={quick} type="button" className={styles.quickButton} disabled={busy} onClick={() => add('cash', quick)}>
              {format.money(quick)}
            </button>
          ))}
        </div>
        <div className={styles.quickRow} role="group" aria-label="Receipt">
          <span className={styles.receiptChoiceLabel}>Receipt</span>
          {(['none', 'print', 'email'] as const).map((choice) => (
            <button
              key={choice}
              type="button"
              className={styles.quickButton}
              aria-pressed={receipt === choice}
              aria-label={`Receipt: ${RECEIPT_LABELS[choice].toLowerCase()}`}
              disabled={busy}
              onClick={() => onReceipt(choice)}
            >
              {RECEIPT_LABELS[choice]}
            </button>
          ))}
        </div>
        <MoneyInput label="Amount tendered" hint={`Empty: the ${format.money(state.dueMinor)} due`} value={amount} onChange={setAmount} disabled={busy} />
        <div className={styles.tenderButtons}>
          {(['cash', 'card', 'other'] as const).map((type) => (
            <Button
              key={type}
              variant={type === 'card' ? 'primary' : 'secondary'}
              className={styles.bigButton}
              disabled={busy || !allows(type)}
              data-autofocus={type === 'card' || undefined}
              onClick={() => addTyped(type)}
            >
              {TENDER_LABELS[type]}
            </Button>
          ))}
        </div>
        {!allows('card') && <p className={styles.payNote}>No card payments without the network: this shop takes cash only while the till is offline.</p>}
        {busy && <p role="status">Completing the sale…</p>}
      </div>
    </Dialog>
  );
}
