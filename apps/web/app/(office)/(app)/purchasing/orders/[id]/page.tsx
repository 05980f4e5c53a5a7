import type { Metadata } from 'next';
import { PurchaseOrderView } from '@kassa/web/purchasing';

export const metadata: Metadata = { title: 'Purchase order' };

export default function PurchaseOrderPage() {
  return <PurchaseOrderView />;
}
