'use client';
import { useState } from 'react';
import { useApiAccess } from '@kassa/web/data-access';
import { Input, sectionStyles } from '@kassa/web/ui';
import { productForCode } from './product-lookup';
import type { SheetProduct } from './stock-sheet';
import { stockProblemText } from './stock-problem';
import styles from './inventory.module.css';

/**
 * A scanner types the code and Enter; so can a person. The product it names goes to `onProduct`
 * (which answers what to announce); an unknown code is said in the status line.
 */
export function ScanField({ onProduct, disabled }: { onProduct(product: SheetProduct): Promise<string>; disabled?: boolean }) {
  const access = useApiAccess();
  const [code, setCode] = useState('');
  const [message, setMessage] = useState<string>();

  async function scan() {
    const scanned = code.trim();
    if (!scanned) return;
    setCode('');
    try {
      const product = await productForCode(access, scanned);
      setMessage(product ? await onProduct(product) : `${scanned} is not a barcode or SKU of this shop.`);
    } catch (error) {
      setMessage(stockProblemText(error));
    }
  }

  return (
    <div className={sectionStyles.section}>
      <Input
        label="Scan or type a barcode or SKU"
        hint="Each scan counts one unit; press Enter after typing."
        value={code}
        disabled={disabled}
        autoComplete="off"
        spellCheck={false}
        onChange={(event) => setCode(event.target.value)}
        onKeyDown={(event) => {
          if (event.key !== 'Enter') return;
          event.preventDefault();
          void scan();
        }}
      />
      <p role="status" aria-live="polite" className={styles.muted}>
        {message ?? 'Nothing scanned yet.'}
      </p>
    </div>
  );
}
