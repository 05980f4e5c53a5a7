'use client';
import type { UseQueryResult } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import type { ApiError } from '@kassa/web/data-access';
import { EmptyState, ProblemState, Skeleton, type ShopFormat } from '@kassa/web/ui';
import type { Metric } from './analytics-requests';
import styles from './analytics.module.css';

/** The analysis in one sentence, as the API wrote it (money in the shop's locale). */
export function Explanation({ text }: { text: string }) {
  return (
    <p className={styles.explanation} data-testid="analysis-explanation">
      {text}
    </p>
  );
}

/** Where a new shop learns what a card or screen will show once it sells, and (in development) how to get demo data. */
export function TeachingEmptyState({ title, description, headingLevel = 2 }: { title: string; description: string; headingLevel?: 2 | 3 }) {
  return (
    <EmptyState
      headingLevel={headingLevel}
      title={title}
      description={description}
      actions={
        process.env.NODE_ENV === 'development' ? (
          <p className={styles.devHint}>
            Development: seed a shop with a year of sales with <code>npm run seed -- --tenant demo --days 365</code> (see the README).
          </p>
        ) : undefined
      }
    />
  );
}

export interface FiguresProps<T> {
  query: UseQueryResult<T, ApiError>;
  /** True when the answer holds nothing to show (no sales in the period). */
  isEmpty(data: T): boolean;
  teaching: { title: string; description: string };
  headingLevel?: 2 | 3;
  children(data: T): ReactNode;
}

/** An answer's loading, failed, empty and shown states, the same on every card and screen. */
export function Figures<T>({ query, isEmpty, teaching, headingLevel = 2, children }: FiguresProps<T>) {
  if (query.isPending) return <Skeleton lines={4} label="Loading the figures" />;
  if (query.isError)
    return <ProblemState kind={query.error.kind} headingLevel={headingLevel} onRetry={() => void query.refetch()} retrying={query.isFetching} />;
  if (isEmpty(query.data)) return <TeachingEmptyState {...teaching} headingLevel={headingLevel} />;
  return <>{children(query.data)}</>;
}

/** How a metric's values read: money for revenue, counts for the rest. */
export function metricFormat(metric: Metric, format: ShopFormat): (value: number) => string {
  return metric === 'revenue' ? (value) => format.money(Math.round(value)) : (value) => format.number(value, { maximumFractionDigits: 1 });
}

export const METRIC_LABELS: Record<Metric, string> = { revenue: 'Revenue', transactions: 'Sales', quantity: 'Units sold' };
