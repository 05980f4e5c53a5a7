import type { Metadata } from 'next';
import { PurchaseOrdersView } from '@kassa/web/purchasing';

export const metadata: Metadata = { title: 'Approval inbox' };

export default function ApprovalInboxPage() {
  return <PurchaseOrdersView inbox />;
}
