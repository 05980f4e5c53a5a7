import type { Readiness } from '@kassa/api-client';
import styles from './page.module.css';

const LABELS: Record<Readiness['state'], string> = {
  up: 'API is up',
  degraded: 'API is degraded',
  unreachable: 'API is unreachable',
};

/** The API's readiness as the server saw it while rendering this page. */
export function ApiStatus({ readiness }: { readiness: Readiness }) {
  const failing =
    readiness.state === 'degraded'
      ? Object.entries(readiness.report.details)
          .filter(([, indicator]) => indicator.status === 'down')
          .map(([name]) => name)
      : [];
  return (
    <p className={styles.status} data-state={readiness.state} role="status" data-testid="api-status">
      <span className={styles.dot} aria-hidden="true" />
      {LABELS[readiness.state]}
      {failing.length > 0 && <span className={styles.muted}> ({failing.join(', ')} down)</span>}
    </p>
  );
}
