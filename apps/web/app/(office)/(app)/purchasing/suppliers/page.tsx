import type { Metadata } from 'next';
import { SuppliersView } from '@kassa/web/purchasing';

export const metadata: Metadata = { title: 'Suppliers' };

export default function SuppliersPage() {
  return <SuppliersView />;
}
