'use client';
import { usePathname, useRouter, useSearchParams } from 'next/navigation';
import { Suspense, useMemo, type ReactNode } from 'react';
import { useSession } from '@kassa/web/auth';
import { PageHeader, Select, Skeleton, useShopFormat } from '@kassa/web/ui';
import { FirstRunChecklist } from './first-run-checklist';
import { AnomaliesCard, BoardPlaceholder, LowStockCard, RevenueCard, TodayCard, TopProductsCard } from './dashboard-cards';
import { RevealTogether } from './reveal-together';
import styles from './views.module.css';

export interface DashboardViewProps {
  /**
   * The live sales feed card (from the realtime work), shown in its own place on the board: the first
   * column beside today's figures. Left out, the board closes the gap.
   */
  liveSalesFeed?: ReactNode;
}

/** The back office's home: how the shop is doing today, what is coming, what is running out and what stood out — per store or for every store. */
export function DashboardView(props: DashboardViewProps) {
  return (
    <Suspense fallback={<Skeleton lines={6} label="Loading the dashboard" />}>
      <Dashboard {...props} />
    </Suspense>
  );
}

function Dashboard({ liveSalesFeed }: DashboardViewProps) {
  const { me, can, offline } = useSession();
  const format = useShopFormat();
  const search = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const today = format.today();
  const storeId = me?.stores.some((store) => store.id === search.get('storeId')) ? (search.get('storeId') ?? undefined) : undefined;
  const store = me?.stores.find((candidate) => candidate.id === storeId);
  const scope = useMemo(() => ({ today, storeId }), [today, storeId]);
  const analytics = can('analytics:read');

  const header = (
    <PageHeader
      title="Dashboard"
      description={
        me ? (
          <>
            <span data-testid="shop-name">{me.tenant.name}</span>
            {' · '}
            {store ? store.name : analytics ? 'All stores' : `${me.user.name} (${me.role})`}
            {offline && ' · Offline: showing what this device saw last.'}
          </>
        ) : (
          '…'
        )
      }
      actions={
        analytics && (me?.stores.length ?? 0) > 1 ? (
          <Select
            label="Figures for"
            hideLabel
            placeholder="All stores"
            options={(me?.stores ?? []).map((candidate) => ({ value: candidate.id, label: candidate.name }))}
            value={storeId ?? ''}
            onChange={(event) => router.replace(event.target.value ? `${pathname}?storeId=${event.target.value}` : pathname, { scroll: false })}
          />
        ) : undefined
      }
    />
  );

  // Who the person is (and so what the board holds) is not known yet: the board's frame, as it most often is.
  if (!me) {
    return (
      <>
        {header}
        <BoardPlaceholder liveFeed={Boolean(liveSalesFeed)} />
      </>
    );
  }

  if (!analytics) {
    return (
      <>
        {header}
        <div className={styles.identity}>
          <section className={styles.card} aria-labelledby="dash-store">
            <h2 id="dash-store">Store</h2>
            <p>{me?.stores[0] ? `${me.stores[0].name} (${me.stores[0].code})` : 'No store yet'}</p>
          </section>
          <section className={styles.card} aria-labelledby="dash-user">
            <h2 id="dash-user">Signed in as</h2>
            <p>
              {me?.user.name ?? '…'} <span className={styles.muted}>· {me?.role}</span>
            </p>
          </section>
        </div>
      </>
    );
  }

  return (
    <>
      {header}
      <RevealTogether placeholder={<BoardPlaceholder liveFeed={Boolean(liveSalesFeed)} />}>
        <FirstRunChecklist />
        <div className={styles.board} data-live-feed={liveSalesFeed ? 'shown' : 'none'}>
          <TodayCard scope={scope} className={styles.today} />
          {liveSalesFeed && (
            <div className={styles.liveFeed} data-slot="live-sales-feed">
              {liveSalesFeed}
            </div>
          )}
          <RevenueCard scope={scope} className={styles.revenue} />
          <TopProductsCard scope={scope} className={styles.top} />
          <LowStockCard scope={scope} className={styles.stock} canOrder={can('purchasing:manage')} />
          <AnomaliesCard scope={scope} className={styles.anomalies} />
        </div>
      </RevealTogether>
    </>
  );
}
