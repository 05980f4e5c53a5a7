'use client';
import { useQueries } from '@tanstack/react-query';
import { useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { callApi, queryKeys, useApiAccess, useApiQuery } from '@kassa/web/data-access';
import { DatePicker, PageHeader, ProblemState, Skeleton, useShopFormat, type IsoDay, type ShopFormat, sectionStyles } from '@kassa/web/ui';
import { SalesNav } from './sales-nav';
import { useStoreDirectory } from './store-directory';
import styles from './sales.module.css';

type Summary = Schemas['SalesSummaryDto'];
const TENDER_LABEL = { cash: 'Cash', card: 'Card', other: 'Other' } as const;
const summaryKey = (day: string, storeId: string | null) => [...queryKeys.list('sale', { summary: day, storeId })];

/** A business day in the shop's time zone: its sales, refunds, voids, tax by rate and tenders, and the split by store. */
export function SalesSummaryView() {
  const { can } = useSession();
  const format = useShopFormat();
  const access = useApiAccess();
  const [day, setDay] = useState<IsoDay>(() => format.today());
  const allowed = can('sales:read');
  const directory = useStoreDirectory();
  const total = useApiQuery(summaryKey(day, null), (http, signal) => http.GET('/api/v1/sales/summary', { params: { query: { day } }, signal }), {
    enabled: allowed,
  });
  const stores = directory.data?.stores ?? [];
  const perStore = useQueries({
    queries: stores.map((store) => ({
      queryKey: summaryKey(day, store.id),
      queryFn: ({ signal }: { signal: AbortSignal }) =>
        callApi(access, (http) => http.GET('/api/v1/sales/summary', { params: { query: { day, storeId: store.id } }, signal }), signal),
      enabled: allowed,
    })),
  });

  if (!allowed) {
    return (
      <>
        <PageHeader title="Daily summary" />
        <ProblemState kind="forbidden" />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Daily summary" description="A business day in the shop's time zone: the basis of the Z-report." />
      <SalesNav />
      <div className={styles.toolbar}>
        <DatePicker label="Day" value={day} onChange={(value) => value && setDay(value)} max={format.today()} required />
      </div>
      {total.isError ? (
        <ProblemState kind={total.error.kind} onRetry={() => void total.refetch()} retrying={total.isFetching} />
      ) : !total.data ? (
        <Skeleton lines={6} label="Loading the day" />
      ) : (
        <SummaryFigures summary={total.data} format={format} />
      )}
      <section aria-labelledby="summary-stores" className={styles.section}>
        <h2 id="summary-stores" className={styles.heading}>
          By store
        </h2>
        <div className={sectionStyles.tableScroll}>
          <table className={`${sectionStyles.table} ${sectionStyles.alignTop}`} aria-labelledby="summary-stores">
            <thead>
              <tr>
                <th scope="col">Store</th>
                <th scope="col" className={sectionStyles.end}>
                  Sales
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Total
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Refunds
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Voids
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Net
                </th>
              </tr>
            </thead>
            <tbody>
              {stores.map((store, index) => {
                const summary = perStore[index]?.data;
                return (
                  <tr key={store.id}>
                    <th scope="row">{store.name}</th>
                    <td className={sectionStyles.end}>{summary ? format.number(summary.salesCount) : '…'}</td>
                    <td className={sectionStyles.end}>{summary ? format.money(summary.totalMinor) : '…'}</td>
                    <td className={sectionStyles.end}>
                      {summary ? `${format.number(summary.refunds.count)} · ${format.money(summary.refunds.totalMinor)}` : '…'}
                    </td>
                    <td className={sectionStyles.end}>{summary ? `${format.number(summary.voids.count)} · ${format.money(summary.voids.totalMinor)}` : '…'}</td>
                    <td className={sectionStyles.end}>{summary ? format.money(summary.netMinor) : '…'}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>
    </>
  );
}

function SummaryFigures({ summary, format }: { summary: Summary; format: ShopFormat }) {
  return (
    <>
      <dl className={styles.figures} aria-label="The day in figures">
        {(
          [
            ['Sales', format.number(summary.salesCount)],
            ['Total', format.money(summary.totalMinor)],
            ['Discounts', format.money(summary.discountMinor)],
            ['Tax', format.money(summary.taxMinor)],
            ['Refunds', `${format.number(summary.refunds.count)} · ${format.money(summary.refunds.totalMinor)}`],
            ['Voids', `${format.number(summary.voids.count)} · ${format.money(summary.voids.totalMinor)}`],
            ['Net', format.money(summary.netMinor)],
          ] as const
        ).map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className={`${styles.layout} ${styles.spaced}`}>
        <section aria-labelledby="summary-tenders" className={styles.section}>
          <h2 id="summary-tenders" className={styles.heading}>
            Tenders
          </h2>
          <table className={`${sectionStyles.table} ${sectionStyles.alignTop}`} aria-labelledby="summary-tenders">
            <thead>
              <tr>
                <th scope="col">Tender</th>
                <th scope="col" className={sectionStyles.end}>
                  Sales
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Refunds
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Net
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.tenders.map((tender) => (
                <tr key={tender.type}>
                  <th scope="row">{TENDER_LABEL[tender.type]}</th>
                  <td className={sectionStyles.end}>{format.money(tender.salesMinor)}</td>
                  <td className={sectionStyles.end}>{format.money(tender.refundsMinor)}</td>
                  <td className={sectionStyles.end}>{format.money(tender.netMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
        <section aria-labelledby="summary-tax" className={styles.section}>
          <h2 id="summary-tax" className={styles.heading}>
            Tax by rate
          </h2>
          <table className={`${sectionStyles.table} ${sectionStyles.alignTop}`} aria-labelledby="summary-tax">
            <thead>
              <tr>
                <th scope="col">Rate</th>
                <th scope="col" className={sectionStyles.end}>
                  Net
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Tax
                </th>
              </tr>
            </thead>
            <tbody>
              {summary.taxByRate.map((rate) => (
                <tr key={rate.rateBps}>
                  <th scope="row">{format.number(rate.rateBps / 100, { maximumFractionDigits: 2 })} %</th>
                  <td className={sectionStyles.end}>{format.money(rate.netMinor)}</td>
                  <td className={sectionStyles.end}>{format.money(rate.taxMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </section>
      </div>
    </>
  );
}
