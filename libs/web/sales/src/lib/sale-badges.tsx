import { Badge } from '@kassa/web/ui';
import type { Sale } from './sale-requests';
import styles from './sales.module.css';

type BadgedSale = Pick<Sale, 'status' | 'offline' | 'flags' | 'reviewedAt' | 'totalMinor'> & { refundedMinor?: number };

/** Voided or completed, refunded in part or whole, and whether it was rung up offline and still waits for review of its deviations. */
export function SaleBadges({ sale }: { sale: BadgedSale }) {
  const refunded = sale.refundedMinor ?? 0;
  return (
    <span className={styles.badges}>
      {sale.status === 'voided' ? <Badge tone="error">Voided</Badge> : <Badge tone="ok">Completed</Badge>}
      {refunded > 0 && (refunded >= sale.totalMinor ? <Badge tone="neutral">Refunded</Badge> : <Badge tone="neutral">Partly refunded</Badge>)}
      {sale.offline && <Badge tone="info">Offline</Badge>}
      {sale.flags.length > 0 && (sale.reviewedAt ? <Badge tone="neutral">Reviewed</Badge> : <Badge tone="warn">Flagged</Badge>)}
    </span>
  );
}
