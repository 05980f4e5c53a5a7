import type { Metadata } from 'next';
import { SalesSummaryView } from '@kassa/web/sales';

export const metadata: Metadata = { title: 'Daily summary' };

export default function SalesSummaryPage() {
  return <SalesSummaryView />;
}
