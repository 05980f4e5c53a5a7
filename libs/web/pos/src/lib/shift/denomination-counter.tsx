'use client';
import { denominationsOf } from '@kassa/contracts';
import { NumberInput, useShopFormat, useShopLocale } from '@kassa/web/ui';
import { countTotal, stepCount, type DrawerCount } from './denomination-count';
import styles from './shift.module.css';

interface DenominationCounterProps {
  counts: DrawerCount;
  onChange(counts: DrawerCount): void;
  /** What the counter counts, for its group's name ("Opening float", "Cash in the drawer"). */
  label: string;
}

/** A row per note and coin of the shop's currency: type how many, or tap − and +; the total adds itself up. */
export function DenominationCounter({ counts, onChange, label }: DenominationCounterProps) {
  const format = useShopFormat();
  const { currency } = useShopLocale();
  const denominations = denominationsOf(currency) ?? [];
  return (
    <fieldset className={styles.counter}>
      <legend className={styles.counterLegend}>
        {label}: <strong data-testid="counted-total">{format.money(countTotal(counts))}</strong>
      </legend>
      <div className={styles.counterGrid}>
        {denominations.map(({ valueMinor, kind }) => {
          const name = `${format.money(valueMinor)} ${kind}s`;
          return (
            <div key={valueMinor} className={styles.counterRow}>
              <button
                type="button"
                className={styles.stepButton}
                aria-label={`One ${kind} of ${format.money(valueMinor)} fewer`}
                onClick={() => onChange(stepCount(counts, valueMinor, -1))}
              >
                −
              </button>
              <NumberInput
                className={styles.counterInput}
                label={name}
                min={0}
                max={1_000_000}
                value={counts[valueMinor] ?? 0}
                onChange={(count) => onChange({ ...counts, [valueMinor]: count ?? 0 })}
              />
              <button
                type="button"
                className={styles.stepButton}
                aria-label={`One ${kind} of ${format.money(valueMinor)} more`}
                onClick={() => onChange(stepCount(counts, valueMinor, 1))}
              >
                +
              </button>
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
