'use client';
import { useState } from 'react';
import type { AdjustmentReason } from '@kassa/contracts';
import { useApiMutation } from '@kassa/web/data-access';
import { Button, Dialog, Input, NumberInput, Select, useToasts } from '@kassa/web/ui';
import { ADJUSTMENT_REASON_OPTIONS, stockKeys } from './inventory-requests';
import { stockProblemText } from './stock-problem';
import styles from './inventory.module.css';

export interface AdjustTarget {
  storeId: string;
  storeName: string;
  productId: string;
  productName: string;
  onHand: number;
}

interface Line {
  target: AdjustTarget;
  delta: number | null;
}

/**
 * Adds or removes units of one or more products in their stores, with one reason for all (required),
 * posted as one all-or-nothing batch.
 */
export function AdjustDialog({ targets, onClose }: { targets: readonly AdjustTarget[]; onClose(): void }) {
  const toasts = useToasts();
  const [lines, setLines] = useState<Line[]>(() => targets.map((target) => ({ target, delta: null })));
  const [reason, setReason] = useState<AdjustmentReason | ''>('');
  const [note, setNote] = useState('');
  const [problem, setProblem] = useState<string>();
  const [reasonMissing, setReasonMissing] = useState(false);
  const adjust = useApiMutation(
    // One route for one product or many: the batch is all or nothing, which is what several lines need.
    (http, adjustments: { storeId: string; productId: string; delta: number; reason: AdjustmentReason; note?: string }[]) =>
      http.POST('/api/v1/inventory/adjustments/batch', { body: { adjustments } }),
    { invalidates: [stockKeys.all] },
  );
  const changes = lines.filter((line): line is Line & { delta: number } => line.delta !== null && line.delta !== 0);
  const single = targets.length === 1;

  async function post() {
    if (!reason) {
      setReasonMissing(true);
      return;
    }
    setProblem(undefined);
    try {
      await adjust.mutateAsync(
        changes.map((line) => ({
          storeId: line.target.storeId,
          productId: line.target.productId,
          delta: line.delta,
          reason,
          ...(note.trim() ? { note: note.trim() } : {}),
        })),
      );
      toasts.show({
        message: single ? `${targets[0].productName} adjusted.` : `${changes.length} products adjusted.`,
        tone: 'success',
      });
      onClose();
    } catch (error) {
      setProblem(stockProblemText(error));
    }
  }

  return (
    <Dialog
      open
      onOpenChange={(open) => !open && onClose()}
      title={single ? `Adjust ${targets[0].productName}` : `Adjust ${targets.length} products`}
      description={single ? `${targets[0].storeName}: ${targets[0].onHand} on hand.` : 'Units to add (positive) or remove (negative) per product.'}
      footer={
        <>
          <Button onClick={onClose}>Cancel</Button>
          <Button variant="primary" loading={adjust.isPending} disabled={changes.length === 0} onClick={() => void post()}>
            Post adjustment
          </Button>
        </>
      }
    >
      <div className={styles.dialogBody}>
        {lines.map((line, index) => (
          <NumberInput
            key={`${line.target.storeId}:${line.target.productId}`}
            label={single ? 'Change in units' : `Change of ${line.target.productName} (${line.target.onHand} on hand in ${line.target.storeName})`}
            hint={single ? 'Positive adds units, negative removes them.' : undefined}
            min={-1_000_000_000}
            max={1_000_000_000}
            value={line.delta}
            onChange={(delta) => setLines((current) => current.map((item, at) => (at === index ? { ...item, delta } : item)))}
          />
        ))}
        <Select
          label="Reason"
          required
          placeholder="Choose a reason"
          options={ADJUSTMENT_REASON_OPTIONS}
          value={reason}
          error={reasonMissing && !reason ? 'Say why the stock changes.' : undefined}
          onChange={(event) => setReason(event.target.value as AdjustmentReason | '')}
        />
        <Input label="Note" hint="Optional: what happened." value={note} maxLength={500} onChange={(event) => setNote(event.target.value)} />
        {problem && (
          <p role="alert" className={styles.notice}>
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
