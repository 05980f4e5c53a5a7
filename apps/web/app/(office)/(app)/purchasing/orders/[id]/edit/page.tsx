import type { Metadata } from 'next';
import { EditPurchaseOrderView } from '@kassa/web/purchasing';

export const metadata: Metadata = { title: 'Edit purchase order' };

export default function EditPurchaseOrderPage() {
  return <EditPurchaseOrderView />;
}
