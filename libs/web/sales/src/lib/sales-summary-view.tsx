'use client';
import { useQueries } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
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
      <SummaryTable
        id="summary-stores"
        title="By store"
        scroll
        rowHeader="Store"
        columns={STORE_FIGURES.map((label) => ({
          header: label,
          cell: (summary: Summary | undefined) => (summary ? dayFigures(summary, format)[label] : '…'),
        }))}
        rows={stores.map((store, index) => ({ key: store.id, header: store.name, value: perStore[index]?.data }))}
      />
    </>
  );
}

/** The day's figures as the page shows them, by label. */
function dayFigures(summary: Summary, format: ShopFormat) {
  const countAndTotal = ({ count, totalMinor }: { count: number; totalMinor: number }) => `${format.number(count)} · ${format.money(totalMinor)}`;
  return {
    Sales: format.number(summary.salesCount),
    Total: format.money(summary.totalMinor),
    Discounts: format.money(summary.discountMinor),
    Tax: format.money(summary.taxMinor),
    Refunds: countAndTotal(summary.refunds),
    Voids: countAndTotal(summary.voids),
    Net: format.money(summary.netMinor),
  };
}

const STORE_FIGURES = ['Sales', 'Total', 'Refunds', 'Voids', 'Net'] as const;

interface SummaryRow<V> {
  key: string;
  header: ReactNode;
  value: V;
}

/** One of the page's tables: a heading, the row header's column, then figures aligned to the end. */
function SummaryTable<V>({
  id,
  title,
  rowHeader,
  columns,
  rows,
  scroll = false,
}: {
  id: string;
  title: string;
  rowHeader: string;
  columns: { header: string; cell(value: V): ReactNode }[];
  rows: SummaryRow<V>[];
  scroll?: boolean;
}) {
  const table = (
    <table className={`${sectionStyles.table} ${sectionStyles.alignTop}`} aria-labelledby={id}>
      <thead>
        <tr>
          <th scope="col">{rowHeader}</th>
          {columns.map((column) => (
            <th key={column.header} scope="col" className={sectionStyles.end}>
              {column.header}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {rows.map((row) => (
          <tr key={row.key}>
            <th scope="row">{row.header}</th>
            {columns.map((column) => (
              <td key={column.header} className={sectionStyles.end}>
                {column.cell(row.value)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
  return (
    <section aria-labelledby={id} className={styles.section}>
      <h2 id={id} className={styles.heading}>
        {title}
      </h2>
      {scroll ? <div className={sectionStyles.tableScroll}>{table}</div> : table}
    </section>
  );
}

type Tender = Summary['tenders'][number];
type TaxRate = Summary['taxByRate'][number];

function SummaryFigures({ summary, format }: { summary: Summary; format: ShopFormat }) {
  return (
    <>
      <dl className={styles.figures} aria-label="The day in figures">
        {Object.entries(dayFigures(summary, format)).map(([label, value]) => (
          <div key={label} className={styles.figure}>
            <dt>{label}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <div className={`${styles.layout} ${styles.spaced}`}>
        <SummaryTable<Tender>
          id="summary-tenders"
          title="Tenders"
          rowHeader="Tender"
          columns={[
            { header: 'Sales', cell: (tender) => format.money(tender.salesMinor) },
            { header: 'Refunds', cell: (tender) => format.money(tender.refundsMinor) },
            { header: 'Net', cell: (tender) => format.money(tender.netMinor) },
          ]}
          rows={summary.tenders.map((tender) => ({ key: tender.type, header: TENDER_LABEL[tender.type], value: tender }))}
        />
        <SummaryTable<TaxRate>
          id="summary-tax"
          title="Tax by rate"
          rowHeader="Rate"
          columns={[
            { header: 'Net', cell: (rate) => format.money(rate.netMinor) },
            { header: 'Tax', cell: (rate) => format.money(rate.taxMinor) },
          ]}
          rows={summary.taxByRate.map((rate) => ({
            key: String(rate.rateBps),
            header: `${format.number(rate.rateBps / 100, { maximumFractionDigits: 2 })} %`,
            value: rate,
          }))}
        />
      </div>
    </>
  );
}
