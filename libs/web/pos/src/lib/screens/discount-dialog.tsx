'use client';
import { useState } from 'react';
import type { Discount } from '@kassa/contracts';
import { Button, Dialog, MoneyInput, NumberInput } from '@kassa/web/ui';
import styles from '../till.module.css';

const QUICK_PERCENTS = [5, 10, 15, 20];

interface DiscountDialogProps {
  open: boolean;
  /** "the whole sale" or a line's name. */
  target: string;
  current: Discount | undefined;
  /** The most this cashier may give on their own, for the hint; `null`: no limit. */
  allowanceBps: number | null;
  onApply(discount: Discount | undefined): void;
  onClose(): void;
}

const describeAllowance = (bps: number | null) => (bps === null ? 'no limit' : `up to ${bps / 100}% of the sale`);

/** A percentage (quick buttons) or an amount off; beyond the allowance, the screen asks a manager to approve. */
export function DiscountDialog({ open, target, current, allowanceBps, onApply, onClose }: DiscountDialogProps) {
  const [percent, setPercent] = useState<number | null>(current && 'percentBps' in current ? current.percentBps / 100 : null);
  const [amount, setAmount] = useState<number | null>(current && 'amountMinor' in current ? current.amountMinor : null);
  const apply = () => {
    if (amount !== null && amount > 0) onApply({ amountMinor: amount });
    else if (percent !== null && percent > 0) onApply({ percentBps: Math.round(percent * 100) });
    else onApply(undefined);
  };
  return (
    <Dialog
      open={open}
      onOpenChange={(next) => !next && onClose()}
      title={`Discount on ${target}`}
      description={`You may give ${describeAllowance(allowanceBps)}; more needs a manager's PIN.`}
      footer={
        <>
          {current && <Button onClick={() => onApply(undefined)}>Remove discount</Button>}
          <Button variant="primary" onClick={apply}>
            Apply discount
          </Button>
        </>
      }
    >
      <div className={styles.stack}>
        <div className={styles.quickRow} role="group" aria-label="Quick percentages">
          {QUICK_PERCENTS.map((quick) => (
            <button
              key={quick}
              type="button"
              className={styles.quickButton}
              aria-pressed={percent === quick && amount === null}
              onClick={() => {
                setPercent(quick);
                setAmount(null);
              }}
            >
              {quick}%
            </button>
          ))}
        </div>
        <NumberInput
          label="Percent off"
          value={percent}
          onChange={(value) => {
            setPercent(value);
            setAmount(null);
          }}
          min={0}
          max={100}
          fractionDigits={2}
          unit="%"
        />
        <MoneyInput
          label="Or an amount off"
          value={amount}
          onChange={(value) => {
            setAmount(value);
            setPercent(null);
          }}
        />
      </div>
    </Dialog>
  );
}
