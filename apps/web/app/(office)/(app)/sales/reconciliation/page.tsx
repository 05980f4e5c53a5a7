import type { Metadata } from 'next';
import { ReconciliationView } from '@kassa/web/sales';

export const metadata: Metadata = { title: 'Reconciliation' };

export default function ReconciliationPage() {
  return <ReconciliationView />;
}
