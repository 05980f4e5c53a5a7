import type { Metadata } from 'next';
import { CountView } from '@kassa/web/inventory';

export const metadata: Metadata = { title: 'Count stock' };

export default function CountPage() {
  return <CountView />;
}
