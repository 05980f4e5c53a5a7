import type { Metadata } from 'next';
import { PurchaseOrdersView } from '@kassa/web/purchasing';

export const metadata: Metadata = { title: 'Purchase orders' };

export default function PurchaseOrdersPage() {
  return <PurchaseOrdersView />;
}
