import type { Metadata } from 'next';
import { LevelsView } from '@kassa/web/inventory';

export const metadata: Metadata = { title: 'Stock' };

export default function InventoryPage() {
  return <LevelsView />;
}
