import { Fragment, type ReactNode } from 'react';
import styles from './detail-list.module.css';

export interface DetailListProps {
  /** Label and value, in order. */
  items: readonly (readonly [label: ReactNode, value: ReactNode])[];
}

/** A record read-only: labels beside their values, for those who may see but not edit it. */
export function DetailList({ items }: DetailListProps) {
  return (
    <dl className={styles.list}>
      {items.map(([label, value], index) => (
        <Fragment key={index}>
          <dt>{label}</dt>
          <dd>{value}</dd>
        </Fragment>
      ))}
    </dl>
  );
}
