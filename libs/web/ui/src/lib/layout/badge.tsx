import type { ReactNode } from 'react';
import { cx } from '../class-names';
import styles from './badge.module.css';

export type BadgeTone = 'neutral' | 'info' | 'ok' | 'warn' | 'error';

/** A short status; the words carry the meaning, the colour only repeats it. */
export function Badge({ tone = 'neutral', children, className }: { tone?: BadgeTone; children: ReactNode; className?: string }) {
  return <span className={cx(styles.badge, styles[tone], className)}>{children}</span>;
}
