import type { Metadata } from 'next';
import { SupplierView } from '@kassa/web/purchasing';

export const metadata: Metadata = { title: 'Supplier' };

export default function SupplierPage() {
  return <SupplierView />;
}
