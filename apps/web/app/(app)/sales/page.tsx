import type { Metadata } from 'next';
import { PlaceholderView } from '@kassa/web/shell';

export const metadata: Metadata = { title: 'Sales' };

export default function SalesPage() {
  return <PlaceholderView title="Sales" description="Sales history arrives with the sales module." />;
}
