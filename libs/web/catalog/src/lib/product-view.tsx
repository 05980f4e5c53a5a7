'use client';
import { useParams } from 'next/navigation';
import { isUuid } from '@kassa/contracts';
import { useQueryClient } from '@tanstack/react-query';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess, useApiQuery } from '@kassa/web/data-access';
import { Badge, Button, DetailList, PageHeader, ProblemState, Skeleton, useNavigationGuard, useShopFormat, useToasts } from '@kassa/web/ui';
import { ProductForm } from './product-form';
import { productKeys, type Product } from './product-requests';
import styles from './catalog.module.css';

const BACK = { href: '/products', label: 'Products' };

/** One product: its details, and its edit form for those who manage the catalog. */
export function ProductView() {
  const { id } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { can, me } = useSession();
  const format = useShopFormat();
  const access = useApiAccess();
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const { navigate } = useNavigationGuard();
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

  /** Deletes the version shown (If-Match) and offers Undo, which restores it with the barcodes it had. */
  async function remove(shown: Product) {
    try {
      await callApi(access, (http) =>
        http.DELETE('/api/v1/products/{id}', { params: { path: { id: shown.id }, header: { 'If-Match': `"${shown.version}"` } } }),
      );
    } catch (error) {
      toasts.show({ message: error instanceof Error ? error.message : String(error), tone: 'error' });
      return;
    }
    await queryClient.invalidateQueries({ queryKey: productKeys.all });
    navigate('/products');
    toasts.show({
      message: `${shown.name} deleted.`,
      tone: 'success',
      action: {
        label: 'Undo',
        run: () =>
          void callApi(access, (http) => http.POST('/api/v1/products/{id}/restore', { params: { path: { id: shown.id } }, body: { barcodes: shown.barcodes } }))
            .then(async (restored) => {
              await queryClient.invalidateQueries({ queryKey: productKeys.all });
              toasts.show({ message: `${restored.name} is back.`, tone: 'success' });
            })
            .catch((error: unknown) => toasts.show({ message: error instanceof Error ? error.message : String(error), tone: 'error' })),
      },
    });
  }

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
        actions={
          // All at once, when the permissions are known: Delete arriving later would take the place of the button under the pointer.
          me && (
            <>
              <Button onClick={() => navigate(`/inventory/products/${data.id}`)}>Stock and ledger</Button>
              {can('catalog:manage') && (
                <Button variant="danger" onClick={() => void remove(data)}>
                  Delete
                </Button>
              )}
            </>
          )
        }
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
