import type { Metadata } from 'next';
import { ProductsView } from '@kassa/web/catalog';

export const metadata: Metadata = { title: 'Products' };

export default function ProductsPage() {
  return <ProductsView />;
}
