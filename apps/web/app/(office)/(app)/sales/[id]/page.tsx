import type { Metadata } from 'next';
import { SaleView } from '@kassa/web/sales';

export const metadata: Metadata = { title: 'Sale' };

export default function SalePage() {
  return <SaleView />;
}
