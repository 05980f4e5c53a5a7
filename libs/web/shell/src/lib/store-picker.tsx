'use client';
import { useSession } from '@kassa/web/auth';
import styles from './app-shell.module.css';

/** Which store this device works for; remembered per user. Hidden when there is nothing to pick. */
export function StorePicker() {
  const session = useSession();
  const stores = session.me?.stores ?? [];
  if (stores.length === 0) return null;
  return (
    <select className={styles.select} aria-label="Store" value={session.storeId} onChange={(event) => session.chooseStore(event.target.value)}>
      {stores.map((store) => (
        <option key={store.id} value={store.id}>
          {store.name}
        </option>
      ))}
    </select>
  );
}
