import type { Metadata } from 'next';
import { ShiftsView } from '@kassa/web/sales';

export const metadata: Metadata = { title: 'Cash shifts' };

export default function ShiftsPage() {
  return <ShiftsView />;
}
