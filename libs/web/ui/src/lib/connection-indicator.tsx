import styles from './connection-indicator.module.css';

/** `live` is for the realtime channel once it exists; until then the browser's own state decides. */
export type ConnectionState = 'online' | 'offline' | 'live';

const LABELS: Record<ConnectionState, string> = {
  online: 'Online',
  offline: 'Offline',
  live: 'Live',
};

export function ConnectionIndicator({ state }: { state: ConnectionState }) {
  return (
    <span className={styles.indicator} data-state={state} role="status" aria-label={`Connection: ${LABELS[state]}`}>
      <span className={styles.dot} aria-hidden="true" />
      {LABELS[state]}
    </span>
  );
}
