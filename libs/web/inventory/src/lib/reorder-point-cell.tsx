'use client';
import { useRef, useState } from 'react';
import { useApiMutation } from '@kassa/web/data-access';
import { NumberInput, useToasts } from '@kassa/web/ui';
import { stockKeys, type StockLevel } from './inventory-requests';
import { stockProblemText } from './stock-problem';
import styles from './inventory.module.css';

/** The store's reorder point, edited in place: saved when the field is left or Enter is pressed; empty falls back to the product's. */
export function ReorderPointCell({ level }: { level: StockLevel }) {
  const toasts = useToasts();
  const [value, setValue] = useState<number | null>(level.reorderPoint);
  // What was last sent: Enter and then leaving the field must not save the same value twice.
  const sent = useRef(level.reorderPoint);
  const save = useApiMutation(
    (http, reorderPoint: number | null) =>
      http.PATCH('/api/v1/inventory/levels/{storeId}/{productId}', {
        params: { path: { storeId: level.storeId, productId: level.productId } },
        body: { reorderPoint },
      }),
    { invalidates: [stockKeys.all] },
  );

  async function commit() {
    if (value === sent.current) return;
    sent.current = value;
    try {
      const saved = await save.mutateAsync(value);
      setValue(saved.reorderPoint);
      toasts.show({
        message: saved.reorderPoint === null ? `${level.productName}: no reorder point.` : `${level.productName}: reorder at ${saved.reorderPoint}.`,
        tone: 'success',
      });
    } catch (error) {
      sent.current = level.reorderPoint;
      setValue(level.reorderPoint);
      toasts.show({ message: stockProblemText(error), tone: 'error' });
    }
  }

  return (
    <span
      className={styles.endCell}
      onKeyDown={(event) => {
        if (event.key === 'Enter') void commit();
      }}
    >
      <NumberInput
        label={`Reorder point of ${level.productName}`}
        hideLabel
        className={styles.quantity}
        min={0}
        value={value}
        placeholder="None"
        disabled={save.isPending}
        onChange={setValue}
        onBlur={() => void commit()}
      />
    </span>
  );
}
