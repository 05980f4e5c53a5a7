import type { Metadata } from 'next';
import Link from 'next/link';
import styles from '../page.module.css';

export const metadata: Metadata = { title: 'Offline' };

/** Served by the service worker when a page was never cached and the network is gone. */
export default function OfflinePage() {
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="offline-title">
        <h1 id="offline-title" className={styles.brand}>
          You are offline
        </h1>
        <p className={styles.muted}>This page has not been opened on this device yet. Pages you have opened still work.</p>
        <nav className={styles.actions} aria-label="Offline">
          <Link href="/dashboard" className={styles.button}>
            Dashboard
          </Link>
          <Link href="/pos" className={styles.secondary}>
            POS
          </Link>
        </nav>
      </section>
    </main>
  );
}
