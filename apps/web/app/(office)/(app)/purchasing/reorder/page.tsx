import type { Metadata } from 'next';
import { ReorderView } from '@kassa/web/purchasing';

export const metadata: Metadata = { title: 'Reorder suggestions' };

export default function ReorderPage() {
  return <ReorderView />;
}
