'use client';
import { useSession } from '@kassa/web/auth';
import { PageHeader } from '@kassa/web/ui';
import styles from './views.module.css';

export function DashboardView() {
  const { me, storeId, offline } = useSession();
  const store = me?.stores.find((candidate) => candidate.id === storeId);
  return (
    <>
      <PageHeader title="Dashboard" description={offline ? 'Offline: showing what this device saw last.' : undefined} />
      <div className={styles.grid}>
        <section className={styles.card} aria-labelledby="dash-shop">
          <h2 id="dash-shop">Shop</h2>
          <p data-testid="shop-name">{me?.tenant.name ?? '…'}</p>
        </section>
        <section className={styles.card} aria-labelledby="dash-store">
          <h2 id="dash-store">Store</h2>
          <p>{store ? `${store.name} (${store.code})` : 'No store yet'}</p>
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
