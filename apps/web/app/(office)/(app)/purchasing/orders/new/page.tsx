import type { Metadata } from 'next';
import { NewPurchaseOrderView } from '@kassa/web/purchasing';

export const metadata: Metadata = { title: 'New purchase order' };

export default function NewPurchaseOrderPage() {
  return <NewPurchaseOrderView />;
}
