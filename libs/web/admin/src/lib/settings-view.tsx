'use client';
import { useSession } from '@kassa/web/auth';
import styles from './views.module.css';

export function SettingsView() {
  const { me } = useSession();
  const tenant = me?.tenant;
  return (
    <>
      <h1 className={styles.title}>Settings</h1>
      <div className={styles.grid}>
        <section className={styles.card} aria-labelledby="settings-address">
          <h2 id="settings-address">Shop address</h2>
          <p>{tenant?.slug}</p>
        </section>
        <section className={styles.card} aria-labelledby="settings-currency">
          <h2 id="settings-currency">Currency</h2>
          <p>{tenant?.currency}</p>
        </section>
        <section className={styles.card} aria-labelledby="settings-zone">
          <h2 id="settings-zone">Time zone</h2>
          <p>{tenant?.timeZone}</p>
        </section>
        <section className={styles.card} aria-labelledby="settings-tax">
          <h2 id="settings-tax">Prices</h2>
          <p>{tenant?.pricesIncludeTax ? 'Include tax' : 'Exclude tax'}</p>
        </section>
      </div>
    </>
  );
}
