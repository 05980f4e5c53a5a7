import type { Metadata } from 'next';
import { ProductView } from '@kassa/web/shell';

export const metadata: Metadata = { title: 'Product' };

export default function ProductPage() {
  return <ProductView />;
}
