import { ApiStatus } from './api-status';
import styles from './page.module.css';
import { serverApi } from './server-api';

// Rendered per request: the status must be the API's now, not at build time.
export const dynamic = 'force-dynamic';

export default async function HomePage() {
  const readiness = await serverApi.readiness();
  return (
    <main className={styles.page}>
      <section className={styles.card} aria-labelledby="sign-in-title">
        <h1 className={styles.brand}>Kassa</h1>
        <p className={styles.muted}>Point of sale and back office for your shop.</p>
        <form className={styles.form} aria-describedby="sign-in-note">
          <h2 id="sign-in-title" className={styles.title}>
            Sign in
          </h2>
          <label className={styles.field}>
            Shop
            <input name="tenant" autoComplete="organization" placeholder="your-shop" disabled />
          </label>
          <label className={styles.field}>
            Email
            <input name="email" type="email" autoComplete="username" disabled />
          </label>
          <label className={styles.field}>
            Password
            <input name="password" type="password" autoComplete="current-password" disabled />
          </label>
          <button type="submit" className={styles.button} disabled>
            Sign in
          </button>
          <p id="sign-in-note" className={styles.muted}>
            Accounts are not open yet; sign-in arrives with them.
          </p>
        </form>
        <ApiStatus readiness={readiness} />
      </section>
    </main>
  );
}
