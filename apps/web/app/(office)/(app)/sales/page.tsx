import type { Metadata } from 'next';
import { SalesView } from '@kassa/web/sales';

export const metadata: Metadata = { title: 'Sales' };

export default function SalesPage() {
  return <SalesView />;
}
