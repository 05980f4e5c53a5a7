import type { Metadata } from 'next';
import { ImportView } from '@kassa/web/export-import';

export const metadata: Metadata = { title: 'Import products' };

export default function ImportProductsPage() {
  return <ImportView kind="products" title="Import products" back={{ href: '/products', label: 'Products' }} />;
}
