import type { Metadata } from 'next';
import { PlaceholderView } from '@kassa/web/shell';

export const metadata: Metadata = { title: 'Products' };

export default function ProductsPage() {
  return <PlaceholderView title="Products" description="The catalog arrives with the products module." />;
}
