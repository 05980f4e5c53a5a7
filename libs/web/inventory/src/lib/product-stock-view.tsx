'use client';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { isUuid } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { useApiQuery } from '@kassa/web/data-access';
import { Button, PageHeader, ProblemState, Skeleton, sectionStyles } from '@kassa/web/ui';
import { AdjustDialog, type AdjustTarget } from './adjust-dialog';
import { stockKeys } from './inventory-requests';
import { LedgerTable } from './ledger-table';
import { StockStatus } from './stock-status';
import styles from './inventory.module.css';

const BACK = { href: '/inventory', label: 'Stock' };

/** One product's stock: what each store holds (0 where it never moved), and its ledger with who, when, why and the reference. */
export function ProductStockView() {
  const { id } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { can } = useSession();
  const [adjusting, setAdjusting] = useState<AdjustTarget>();
  const product = useApiQuery(['product', 'detail', id], (http, signal) => http.GET('/api/v1/products/{id}', { params: { path: { id } }, signal }), {
    enabled: valid,
  });
  const stores = useApiQuery(['store', 'list'], (http, signal) => http.GET('/api/v1/stores', { signal }));
  const levels = useApiQuery(
    stockKeys.levels({ productId: id }),
    (http, signal) => http.GET('/api/v1/inventory/levels', { params: { query: { productId: id, includeZero: true, limit: 200 } }, signal }),
    { enabled: valid },
  );

  const failed = !valid ? 'not-found' : product.isError ? product.error.kind : levels.isError ? levels.error.kind : undefined;
  if (failed) {
    return (
      <>
        <PageHeader title="Stock of a product" back={BACK} />
        <ProblemState kind={failed} subject="This product" onRetry={() => void (product.refetch(), levels.refetch())} />
      </>
    );
  }
  if (!product.data || !levels.data) {
    return (
      <>
        <PageHeader title="Stock of a product" back={BACK} />
        <Skeleton lines={4} label="Loading the stock" />
      </>
    );
  }
  const name = product.data.name;
  const storeName = new Map((stores.data?.items ?? []).map((store) => [store.id, store.name]));
  return (
    <>
      <PageHeader
        title={`Stock of ${name}`}
        back={BACK}
        description={
          <span className={styles.summary}>
            <span>SKU {product.data.sku}</span>
            <Link href={`/products/${id}`}>Product details</Link>
          </span>
        }
      />
      <section className={sectionStyles.section} aria-labelledby="per-store">
        <h2 id="per-store" className={sectionStyles.heading}>
          Per store
        </h2>
        <div className={sectionStyles.tableScroll}>
          <table className={sectionStyles.table} aria-label="Stock per store">
            <thead>
              <tr>
                <th scope="col">Store</th>
                <th scope="col" className={sectionStyles.end}>
                  On hand
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Reorder point
                </th>
                <th scope="col">Status</th>
                {can('inventory:manage') && <th scope="col">Adjust</th>}
              </tr>
            </thead>
            <tbody>
              {levels.data.items.map((level) => (
                <tr key={level.storeId}>
                  <td>{storeName.get(level.storeId) ?? ''}</td>
                  <td className={sectionStyles.end}>
                    <span className={level.low ? styles.low : undefined}>{level.onHand}</span>
                  </td>
                  <td className={sectionStyles.end}>{level.reorderPoint ?? '—'}</td>
                  <td>
                    <StockStatus onHand={level.onHand} low={level.low} />
                  </td>
                  {can('inventory:manage') && (
                    <td>
                      <Button
                        size="small"
                        aria-label={`Adjust ${name} in ${storeName.get(level.storeId) ?? 'this store'}`}
                        onClick={() =>
                          setAdjusting({
                            storeId: level.storeId,
                            storeName: storeName.get(level.storeId) ?? '',
                            productId: id,
                            productName: name,
                            onHand: level.onHand,
                          })
                        }
                      >
                        Adjust
                      </Button>
                    </td>
                  )}
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section className={sectionStyles.section} aria-labelledby="ledger">
        <h2 id="ledger" className={sectionStyles.heading}>
          Ledger
        </h2>
        <LedgerTable label={`Ledger of ${name}`} productId={id} showProduct={false} />
      </section>
      {adjusting && <AdjustDialog targets={[adjusting]} onClose={() => setAdjusting(undefined)} />}
    </>
  );
}
