'use client';
import { useQuery } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useSession } from '@kassa/web/auth';
import { formatMoney } from './format-money';
import styles from './views.module.css';

/** One product, as the palette opens it. The catalog screens of the products issue grow from here. */
export function ProductView() {
  const { id } = useParams<{ id: string }>();
  const { api, me } = useSession();
  const product = useQuery({
    queryKey: ['product', me?.tenant.id, id],
    enabled: me !== undefined,
    queryFn: async () => {
      const { data, error } = await api.http.GET('/api/v1/products/{id}', { params: { path: { id } } });
      if (!data) throw Object.assign(new Error('GET /api/v1/products/{id} failed'), { problem: error });
      return data;
    },
  });
  if (product.isError) return <p role="alert">This product could not be loaded.</p>;
  const data = product.data;
  return (
    <>
      <h1 className={styles.title}>{data?.name ?? 'Product'}</h1>
      {data && me && (
        <div className={styles.grid}>
          <section className={styles.card} aria-labelledby="product-sku">
            <h2 id="product-sku">SKU</h2>
            <p>{data.sku}</p>
          </section>
          <section className={styles.card} aria-labelledby="product-price">
            <h2 id="product-price">Price</h2>
            <p>{formatMoney(data.priceMinor, me.tenant.currency)}</p>
          </section>
          <section className={styles.card} aria-labelledby="product-barcodes">
            <h2 id="product-barcodes">Barcodes</h2>
            <p>{data.barcodes.join(', ') || '—'}</p>
          </section>
        </div>
      )}
    </>
  );
}
