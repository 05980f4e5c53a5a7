'use client';
import { useParams } from 'next/navigation';
import { isUuid } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { useApiQuery } from '@kassa/web/data-access';
import { Badge, DetailList, PageHeader, ProblemState, Skeleton, useShopFormat } from '@kassa/web/ui';
import { ProductForm } from './product-form';
import { productKeys } from './product-requests';
import styles from './catalog.module.css';

const BACK = { href: '/products', label: 'Products' };

/** One product: its details, and its edit form for those who manage the catalog. */
export function ProductView() {
  const { id } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { can } = useSession();
  const format = useShopFormat();
  const product = useApiQuery(productKeys.detail(id), (http, signal) => http.GET('/api/v1/products/{id}', { params: { path: { id } }, signal }), {
    enabled: valid,
  });

  if (!valid) {
    return (
      <>
        <PageHeader title="Product" back={BACK} />
        <ProblemState kind="not-found" subject="This product" />
      </>
    );
  }
  if (product.isError) {
    return (
      <>
        <PageHeader title="Product" back={BACK} />
        <ProblemState kind={product.error.kind} subject="This product" onRetry={() => void product.refetch()} retrying={product.isFetching} />
      </>
    );
  }
  const data = product.data;
  if (!data) {
    return (
      <>
        <PageHeader title="Product" back={BACK} />
        <Skeleton lines={4} label="Loading the product" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={data.name}
        back={BACK}
        description={
          <span className={styles.summary}>
            <span>SKU {data.sku}</span>
            <span>{format.money(data.priceMinor)}</span>
            <Badge tone={data.active ? 'ok' : 'neutral'}>{data.active ? 'Active' : 'Inactive'}</Badge>
          </span>
        }
      />
      {can('catalog:manage') ? (
        <ProductForm key={data.id} product={data} onReload={async () => (await product.refetch()).data} />
      ) : (
        <DetailList
          items={[
            ['Barcodes', data.barcodes.join(', ') || '—'],
            ['Tax rate', `${format.number(data.taxRateBps / 100, { maximumFractionDigits: 2 })} %`],
            ['Description', data.description ?? '—'],
          ]}
        />
      )}
    </>
  );
}
