import type { Metadata } from 'next';
import { ProductStockView } from '@kassa/web/inventory';

export const metadata: Metadata = { title: 'Stock of a product' };

export default function ProductStockPage() {
  return <ProductStockView />;
}
