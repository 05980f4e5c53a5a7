'use client';
import { useEffect, useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiQuery } from '@kassa/web/data-access';
import { EmptyState, IntentLink, ProblemState, Skeleton, useShopFormat } from '@kassa/web/ui';
import { useRealtime } from './realtime-provider';
import styles from './realtime.module.css';

const FEED_LENGTH = 8;

interface FeedSale {
  id: string;
  storeId: string;
  receiptNumber: number;
  totalMinor: number;
  occurredAt: string;
  status: string;
}

function feedSaleOf(data: Record<string, unknown>): FeedSale | undefined {
  const { id, storeId, receiptNumber, totalMinor, occurredAt, status } = data;
  if (typeof id !== 'string' || typeof storeId !== 'string' || typeof receiptNumber !== 'number' || typeof totalMinor !== 'number') return undefined;
  return { id, storeId, receiptNumber, totalMinor, occurredAt: String(occurredAt), status: String(status) };
}

/**
 * The latest sales of the stores the user can see, with each new sale added the moment it rings up in any store
 * (the `sale.created` pushes; the list underneath is loaded once).
 */
export function LiveSalesFeed() {
  const session = useSession();
  const { subscribe, state } = useRealtime();
  const format = useShopFormat();
  const [live, setLive] = useState<FeedSale[]>([]);
  const canRead = session.can('sales:read');
  const recent = useApiQuery(['live-sales'], (http, signal) => http.GET('/api/v1/sales', { params: { query: { limit: FEED_LENGTH } }, signal }), {
    enabled: canRead,
  });

  useEffect(
    () =>
      subscribe((event) => {
        if (event.type !== 'sale.created') return;
        const sale = feedSaleOf(event.data);
        if (sale) setLive((current) => [sale, ...current.filter((known) => known.id !== sale.id)].slice(0, FEED_LENGTH));
      }),
    [subscribe],
  );

  if (!canRead) return null;
  const liveIds = new Set(live.map((sale) => sale.id));
  const sales = [...live, ...(recent.data?.items ?? []).filter((sale) => !liveIds.has(sale.id))].slice(0, FEED_LENGTH);
  const storeName = (storeId: string) => session.me?.stores.find((store) => store.id === storeId)?.name ?? 'Another store';

  return (
    <section className={styles.feed} aria-labelledby="live-sales-title">
      <header className={styles.feedHeader}>
        <h2 id="live-sales-title">Live sales</h2>
        <span className={styles.muted}>{state === 'connected' ? 'Updating live' : 'Reconnecting…'}</span>
      </header>
      {recent.isPending ? (
        <Skeleton lines={3} label="Loading the latest sales" />
      ) : recent.isError && live.length === 0 ? (
        <ProblemState kind={recent.error.kind} headingLevel={3} onRetry={() => void recent.refetch()} retrying={recent.isFetching} />
      ) : sales.length === 0 ? (
        <EmptyState title="No sales yet" description="Sales show here the moment they ring up." headingLevel={3} />
      ) : (
        <ol className={styles.feedList} aria-live="polite" aria-label="Latest sales">
          {sales.map((sale) => (
            <li key={sale.id} className={styles.feedRow} data-live={liveIds.has(sale.id) || undefined}>
              <IntentLink href={`/sales/${sale.id}`}>Receipt #{sale.receiptNumber}</IntentLink>
              <span className={styles.muted}>{storeName(sale.storeId)}</span>
              <time dateTime={sale.occurredAt} className={styles.muted}>
                {format.dateTime(sale.occurredAt, { timeStyle: 'short' })}
              </time>
              <span className={styles.amount}>{format.money(sale.totalMinor)}</span>
            </li>
          ))}
        </ol>
      )}
    </section>
  );
}
