'use client';
import { Fragment } from 'react';
import { useParams } from 'next/navigation';
import { isUuid } from '@kassa/contracts';
import { useApiQuery } from '@kassa/web/data-access';
import { PageHeader, ProblemState, Skeleton, useShopFormat, type ShopFormat, sectionStyles, RecordPlaceholder } from '@kassa/web/ui';
import { AuditTrail } from '@kassa/web/admin';
import { useSession } from '@kassa/web/auth';
import { ReceiptPreview, useReceipt } from './receipt-preview';
import { SaleActions } from './sale-actions';
import { FLAG_LABEL } from './sale-flags';
import { SaleBadges } from './sale-badges';
import { saleKeys, type Refund, type Sale } from './sale-requests';
import { useStoreDirectory } from './store-directory';
import styles from './sales.module.css';

const BACK = { href: '/sales', label: 'Sales' };
const TENDER_LABEL = { cash: 'Cash', card: 'Card', other: 'Other' } as const;

/** One sale: what was sold at which price, discount and tax, how it was paid, what was refunded, and its receipt. */
export function SaleView() {
  const { id } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { can } = useSession();
  const format = useShopFormat();
  const directory = useStoreDirectory();
  const sale = useApiQuery(saleKeys.detail(id), (http, signal) => http.GET('/api/v1/sales/{id}', { params: { path: { id } }, signal }), {
    enabled: valid,
  });
  const refunds = useApiQuery(saleKeys.refunds(id), (http, signal) => http.GET('/api/v1/sales/{id}/refunds', { params: { path: { id } }, signal }), {
    enabled: valid && sale.isSuccess,
  });
  const receiptText = useReceipt(id, 'text', valid && sale.isSuccess);
  const data = sale.data;
  if (!valid || sale.isError || !data) return <RecordPlaceholder title="Sale" back={BACK} subject="This sale" valid={valid} query={sale} />;
  const storeName = directory.data?.storeName(data.storeId);
  const registerName = directory.data?.registerName(data.registerId);
  return (
    <>
      <PageHeader
        title={`Receipt #${data.receiptNumber}`}
        back={BACK}
        description={
          <span className={styles.summary}>
            <span>{format.dateTime(data.occurredAt, { dateStyle: 'full', timeStyle: 'short' })}</span>
            {storeName && <span>{registerName ? `${storeName} · ${registerName}` : storeName}</span>}
            {data.customerName && <span>{data.customerName}</span>}
            <SaleBadges sale={data} />
          </span>
        }
        actions={<SaleActions sale={data} receiptText={receiptText.data} />}
      />
      {data.status === 'voided' && (
        <p className={styles.notice} role="note">
          Voided {data.voidedAt ? format.dateTime(data.voidedAt) : ''}
          {data.voidReason ? `: ${data.voidReason}` : ''}. Its lines went back in stock.
        </p>
      )}
      {data.flags.length > 0 && (
        <p className={styles.notice} data-tone="warn" role="note">
          Rung up offline with {data.flags.map((flag) => FLAG_LABEL[flag]).join(', ')}.{' '}
          {data.reviewedAt ? `Reviewed ${format.dateTime(data.reviewedAt)}.` : 'Waiting for review.'}
        </p>
      )}
      <div className={styles.layout}>
        <div className={styles.main}>
          <SaleLines sale={data} format={format} />
          <SaleTotals sale={data} format={format} />
          <section aria-labelledby="sale-refunds" className={styles.section}>
            <h2 id="sale-refunds" className={styles.heading}>
              Refunds
            </h2>
            {refunds.isError ? (
              <ProblemState kind={refunds.error.kind} headingLevel={3} onRetry={() => void refunds.refetch()} retrying={refunds.isFetching} />
            ) : !refunds.data ? (
              <Skeleton lines={2} label="Loading the refunds" />
            ) : (
              <RefundList refunds={refunds.data.items} sale={data} format={format} />
            )}
          </section>
          {can('audit:read') && (
            <section aria-labelledby="sale-history" className={styles.section}>
              <h2 id="sale-history" className={styles.heading}>
                History
              </h2>
              <AuditTrail entityType="sale" entityId={data.id} label={`History of receipt #${data.receiptNumber}`} />
            </section>
          )}
        </div>
        <section aria-labelledby="sale-receipt" className={styles.section}>
          <h2 id="sale-receipt" className={styles.heading}>
            Receipt
          </h2>
          <ReceiptPreview saleId={data.id} receiptNumber={data.receiptNumber} />
        </section>
      </div>
    </>
  );
}

function SaleLines({ sale, format }: { sale: Sale; format: ShopFormat }) {
  return (
    <section aria-labelledby="sale-lines" className={styles.section}>
      <h2 id="sale-lines" className={styles.heading}>
        Lines
      </h2>
      <div className={sectionStyles.tableScroll}>
        <table className={`${sectionStyles.table} ${sectionStyles.alignTop}`}>
          <thead>
            <tr>
              <th scope="col">Item</th>
              <th scope="col" className={sectionStyles.end}>
                Qty
              </th>
              <th scope="col" className={sectionStyles.end}>
                Unit price
              </th>
              <th scope="col" className={sectionStyles.end}>
                Discount
              </th>
              <th scope="col" className={sectionStyles.end}>
                Tax
              </th>
              <th scope="col" className={sectionStyles.end}>
                Total
              </th>
            </tr>
          </thead>
          <tbody>
            {sale.lines.map((line) => {
              const discount = line.lineDiscountMinor + line.saleDiscountMinor;
              return (
                <tr key={line.id}>
                  <th scope="row" className={styles.item}>
                    <span className={styles.name}>{line.name}</span>
                    <span className={styles.muted}>
                      SKU {line.sku}
                      {line.refundedQuantity > 0 && ` · ${format.number(line.refundedQuantity)} refunded`}
                      {line.unitPriceMinor !== line.listPriceMinor && ` · list price ${format.money(line.listPriceMinor)}`}
                    </span>
                  </th>
                  <td className={sectionStyles.end}>{format.number(line.quantity)}</td>
                  <td className={sectionStyles.end}>{format.money(line.unitPriceMinor)}</td>
                  <td className={sectionStyles.end}>{discount > 0 ? `−${format.money(discount)}` : '—'}</td>
                  <td className={sectionStyles.end}>
                    {format.money(line.taxMinor)}
                    <span className={styles.muted}> ({format.number(line.taxRateBps / 100, { maximumFractionDigits: 2 })} %)</span>
                  </td>
                  <td className={sectionStyles.end}>{format.money(line.totalMinor)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </section>
  );
}

function SaleTotals({ sale, format }: { sale: Sale; format: ShopFormat }) {
  return (
    <section aria-labelledby="sale-payment" className={styles.section}>
      <h2 id="sale-payment" className={styles.heading}>
        Payment
      </h2>
      <dl className={styles.totals}>
        <dt>Subtotal</dt>
        <dd>{format.money(sale.subtotalMinor)}</dd>
        {sale.discountMinor > 0 && (
          <>
            <dt>Discount</dt>
            <dd>−{format.money(sale.discountMinor)}</dd>
          </>
        )}
        <dt>{sale.pricesIncludeTax ? 'Tax included' : 'Tax'}</dt>
        <dd>{format.money(sale.taxMinor)}</dd>
        <dt className={styles.grand}>Total</dt>
        <dd className={styles.grand}>{format.money(sale.totalMinor)}</dd>
        {sale.tenders.map((tender) => (
          <Fragment key={tender.id}>
            <dt>{TENDER_LABEL[tender.type]}</dt>
            <dd>{format.money(tender.amountMinor)}</dd>
          </Fragment>
        ))}
        {sale.changeDueMinor > 0 && (
          <>
            <dt>Change</dt>
            <dd>{format.money(sale.changeDueMinor)}</dd>
          </>
        )}
      </dl>
      {sale.note && <p className={styles.muted}>Note: {sale.note}</p>}
    </section>
  );
}

function RefundList({ refunds, sale, format }: { refunds: Refund[]; sale: Sale; format: ShopFormat }) {
  if (refunds.length === 0) return <p className={styles.muted}>Nothing refunded.</p>;
  const lineName = new Map(sale.lines.map((line) => [line.id, line.name]));
  return (
    <ul className={styles.refunds}>
      {refunds.map((refund) => (
        <li key={refund.id} className={styles.refund}>
          <p className={styles.refundHead}>
            <span className={styles.name}>{format.money(refund.totalMinor)}</span>
            <span>{format.dateTime(refund.createdAt)}</span>
            <span className={styles.muted}>{refund.tenders.map((tender) => TENDER_LABEL[tender.type]).join(', ')}</span>
          </p>
          <p>{refund.reason}</p>
          <ul className={styles.refundLines}>
            {refund.lines.map((line) => (
              <li key={line.id}>
                {format.number(line.quantity)} × {lineName.get(line.saleLineId) ?? 'item'} — {format.money(line.amountMinor)}
                {line.restock ? ' · back in stock' : ' · not restocked'}
              </li>
            ))}
          </ul>
        </li>
      ))}
    </ul>
  );
}
