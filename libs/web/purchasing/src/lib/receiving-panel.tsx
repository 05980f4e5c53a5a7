'use client';
import { useRef, useState, type KeyboardEvent } from 'react';
import { uuidv7 } from '@kassa/contracts';
import { callApi, useApiAccess, useApiMutation } from '@kassa/web/data-access';
import { Button, Input, NumberInput, useToasts, sectionStyles } from '@kassa/web/ui';
import { purchaseOrderKeys, reorderKeys, type PurchaseOrder, type Receipt } from './purchasing-requests';
import { countOne, discrepancyOf, lineForCode, receiptLinesOf, type ReceivingCount } from './receiving-count';
import styles from './purchasing.module.css';

const DISCREPANCY_LABEL = { short: 'short', exact: 'as due', over: 'more than due' } as const;

/**
 * Goods in: scan each item as it comes off the truck (or type its SKU) and its line counts up; counts that
 * differ from what is due are highlighted. One Idempotency-Key per receipt, so a resend after a lost answer
 * never books the delivery twice.
 */
export function ReceivingPanel({ order, onReceived }: { order: PurchaseOrder; onReceived(receipt: Receipt): void }) {
  const access = useApiAccess();
  const toasts = useToasts();
  const [count, setCount] = useState<ReceivingCount>({});
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string>();
  const [key] = useState(uuidv7);
  const codes = useRef(new Map<string, string>());
  const receive = useApiMutation(
    (http, lines: { lineId: string; quantity: number }[]) =>
      http.POST('/api/v1/purchase-orders/{id}/receipts', { params: { path: { id: order.id }, header: { 'Idempotency-Key': key } }, body: { lines } }),
    { invalidates: [purchaseOrderKeys.all, reorderKeys.all] },
  );
  const open = order.lines.filter((line) => line.outstandingQuantity > 0 || (count[line.id] ?? 0) > 0);

  async function scan(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key !== 'Enter' || !code.trim()) return;
    event.preventDefault();
    const scanned = code.trim();
    setCode('');
    let line = lineForCode(order.lines, codes.current, scanned);
    if (!line) {
      const product = await callApi(access, (http) => http.GET('/api/v1/products/by-barcode/{code}', { params: { path: { code: scanned } } })).catch(
        () => undefined,
      );
      if (product) codes.current.set(scanned, product.id);
      line = lineForCode(order.lines, codes.current, scanned);
    }
    if (!line) {
      setMessage(`${scanned} is not on this order.`);
      return;
    }
    setMessage(`${line.name}: ${(count[line.id] ?? 0) + 1}`);
    setCount((current) => countOne(current, line.id));
  }

  async function book() {
    try {
      const receipt = await receive.mutateAsync(receiptLinesOf(count));
      toasts.show({ message: `Received into stock: ${receipt.lines.reduce((sum, line) => sum + line.quantity, 0)} units.`, tone: 'success' });
      onReceived(receipt);
    } catch (error) {
      setMessage(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <section className={sectionStyles.section} aria-labelledby="receiving">
      <h2 id="receiving" className={sectionStyles.heading}>
        Receive goods
      </h2>
      <Input
        label="Scan or type a barcode or SKU"
        hint="Each scan counts one unit; Enter after typing."
        value={code}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setCode(event.target.value)}
        onKeyDown={(event) => void scan(event)}
      />
      <p role="status" aria-live="polite" className={styles.muted}>
        {message ?? 'Nothing scanned yet.'}
      </p>
      <div className={sectionStyles.tableScroll}>
        <table className={`${sectionStyles.table} ${styles.varianceRows}`} aria-label="Counted so far">
          <thead>
            <tr>
              <th scope="col">Product</th>
              <th scope="col" className={sectionStyles.end}>
                Due
              </th>
              <th scope="col" className={sectionStyles.end}>
                Counted
              </th>
              <th scope="col">Check</th>
            </tr>
          </thead>
          <tbody>
            {open.map((line) => {
              const counted = count[line.id] ?? 0;
              const discrepancy = discrepancyOf(line, counted);
              return (
                <tr key={line.id} data-discrepancy={counted > 0 ? discrepancy : undefined}>
                  <td>
                    {line.name} <span className={styles.muted}>{line.sku}</span>
                  </td>
                  <td className={sectionStyles.end}>{line.outstandingQuantity}</td>
                  <td className={sectionStyles.end}>
                    <NumberInput
                      label={`Counted ${line.name}`}
                      hideLabel
                      className={styles.quantity}
                      min={0}
                      value={counted}
                      onChange={(value) => setCount((current) => ({ ...current, [line.id]: value ?? 0 }))}
                    />
                  </td>
                  <td>{counted > 0 ? DISCREPANCY_LABEL[discrepancy] : <span className={styles.muted}>not counted</span>}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
      <div className={sectionStyles.actions}>
        <Button variant="primary" loading={receive.isPending} disabled={receiptLinesOf(count).length === 0} onClick={() => void book()}>
          Receive counted goods
        </Button>
      </div>
    </section>
  );
}
