import { Badge } from '@kassa/web/ui';
import type { Sale } from './sale-requests';
import styles from './sales.module.css';

/** Voided or completed, and whether it was rung up offline and still waits for review of its deviations. */
export function SaleBadges({ sale }: { sale: Pick<Sale, 'status' | 'offline' | 'flags' | 'reviewedAt'> }) {
  return (
    <span className={styles.badges}>
      {sale.status === 'voided' ? <Badge tone="error">Voided</Badge> : <Badge tone="ok">Completed</Badge>}
      {sale.offline && <Badge tone="info">Offline</Badge>}
      {sale.flags.length > 0 && (sale.reviewedAt ? <Badge tone="neutral">Reviewed</Badge> : <Badge tone="warn">Flagged</Badge>)}
    </span>
  );
}
