import Link from 'next/link';
import { ApiStatus } from './api-status';
import styles from './page.module.css';
import { serverApi } from './server-api';

// Rendered per request: the status must be the API's now, not at build time.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const readiness = await serverApi.readiness();
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="welcome-title">
        <h1 id="welcome-title" className={styles.brand}>
          Kassa
        </h1>
        <p className={styles.muted}>Point of sale and back office for your shop.</p>
        <nav className={styles.actions} aria-label="Account">
          <Link href="/login" className={styles.button}>
            Sign in
          </Link>
          <Link href="/signup" className={styles.secondary}>
            Create a shop
          </Link>
        </nav>
        <ApiStatus readiness={readiness} />
      </section>
    </main>
  );
}
