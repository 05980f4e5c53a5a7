'use client';
import type { PricedSale } from '@kassa/contracts';
import { useShopFormat } from '@kassa/web/ui';
import type { Cart, CartLine } from '../sell/cart';
import styles from '../till.module.css';

interface CartPanelProps {
  cart: Cart;
  priced: PricedSale;
  onQuantity(line: CartLine, quantity: number): void;
  onRemove(line: CartLine): void;
  /** Opens the line's options (discount, price); absent when the cashier can change neither. */
  onLineOptions?: (line: CartLine) => void;
}

/** The sale as it stands: lines with steppers, and the totals exactly as the API will record them. */
export function CartPanel({ cart, priced, onQuantity, onRemove, onLineOptions }: CartPanelProps) {
  const format = useShopFormat();
  return (
    <div className={styles.cartLines}>
      {cart.lines.length === 0 ? (
        <p className={styles.emptyCart}>Scan a barcode or tap a product to start a sale.</p>
      ) : (
        <ul aria-label="Cart" className={styles.lineList}>
          {cart.lines.map((line, index) => {
            const pricedLine = priced.lines[index];
            const discounted = pricedLine.lineDiscountMinor > 0;
            return (
              <li key={line.key} className={styles.line} aria-label={`${line.name}, quantity ${line.quantity}, ${format.money(pricedLine.totalMinor)}`}>
                <div className={styles.lineMain}>
                  <span className={styles.lineName}>{line.name}</span>
                  <span className={styles.muted}>
                    {format.money(line.unitPriceMinor)}
                    {line.unitPriceMinor !== line.listPriceMinor && ` (was ${format.money(line.listPriceMinor)})`}
                    {discounted && ` · −${format.money(pricedLine.lineDiscountMinor)}`}
                  </span>
                </div>
                <div className={styles.stepper} role="group" aria-label={`Quantity of ${line.name}`}>
                  <button type="button" className={styles.stepButton} aria-label={`One less ${line.name}`} onClick={() => onQuantity(line, line.quantity - 1)}>
                    −
                  </button>
                  <output className={styles.quantity} aria-label="Quantity">
                    {line.quantity}
                  </output>
                  <button type="button" className={styles.stepButton} aria-label={`One more ${line.name}`} onClick={() => onQuantity(line, line.quantity + 1)}>
                    +
                  </button>
                </div>
                <span className={styles.lineTotal}>{format.money(pricedLine.grossMinor - pricedLine.lineDiscountMinor)}</span>
                <div className={styles.lineActions}>
                  {onLineOptions && (
                    <button type="button" className={styles.lineAction} aria-label={`Options for ${line.name}`} onClick={() => onLineOptions(line)}>
                      ⋯
                    </button>
                  )}
                  <button type="button" className={styles.lineAction} aria-label={`Remove ${line.name}`} onClick={() => onRemove(line)}>
                    ✕
                  </button>
                </div>
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

/** Subtotal, discount, tax and the total, the total biggest. */
export function CartTotals({ priced, pricesIncludeTax }: { priced: PricedSale; pricesIncludeTax: boolean }) {
  const format = useShopFormat();
  return (
    <dl className={styles.totals} aria-label="Totals">
      <div>
        <dt>Subtotal</dt>
        <dd data-testid="subtotal">{format.money(priced.subtotalMinor)}</dd>
      </div>
      {priced.discountMinor > 0 && (
        <div>
          <dt>Discount</dt>
          <dd data-testid="discount">−{format.money(priced.discountMinor)}</dd>
        </div>
      )}
      <div>
        <dt>{pricesIncludeTax ? 'Tax included' : 'Tax'}</dt>
        <dd data-testid="tax">{format.money(priced.taxMinor)}</dd>
      </div>
      <div className={styles.grandTotal}>
        <dt>Total</dt>
        <dd data-testid="total">{format.money(priced.totalMinor)}</dd>
      </div>
    </dl>
  );
}
