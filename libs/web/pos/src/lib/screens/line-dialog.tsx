'use client';
import { useState } from 'react';
import { Button, Dialog, MoneyInput } from '@kassa/web/ui';
import type { CartLine } from '../sell/cart';
import styles from '../till.module.css';

interface LineDialogProps {
  line: CartLine | undefined;
  canOverridePrice: boolean;
  canDiscount: boolean;
  onPrice(line: CartLine, unitPriceMinor: number): void;
  onDiscount(line: CartLine): void;
  onRemove(line: CartLine): void;
  onClose(): void;
}

/** What can be done to one line: a price of its own (with the permission), a discount, removal. */
export function LineDialog({ line, canOverridePrice, canDiscount, onPrice, onDiscount, onRemove, onClose }: LineDialogProps) {
  const [price, setPrice] = useState<number | null>(line?.unitPriceMinor ?? null);
  if (!line) return null;
  return (
    <Dialog
      open
      onOpenChange={(next) => !next && onClose()}
      title={line.name}
      footer={
        <>
          <Button variant="danger" onClick={() => onRemove(line)}>
            Remove line
          </Button>
          {canDiscount && <Button onClick={() => onDiscount(line)}>Line discount</Button>}
        </>
      }
    >
      {canOverridePrice ? (
        <form
          className={styles.inline}
          onSubmit={(event) => {
            event.preventDefault();
            if (price !== null) onPrice(line, price);
          }}
        >
          <MoneyInput label="Unit price" value={price} onChange={setPrice} />
          <Button type="submit" variant="primary" disabled={price === null}>
            Set price
          </Button>
        </form>
      ) : (
        <p className={styles.muted}>Changing prices needs the price-override permission.</p>
      )}
    </Dialog>
  );
}
