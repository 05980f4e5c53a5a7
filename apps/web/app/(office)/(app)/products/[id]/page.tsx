import type { Metadata } from 'next';
import { ProductView } from '@kassa/web/catalog';

export const metadata: Metadata = { title: 'Product' };

export default function ProductPage() {
  return <ProductView />;
}
