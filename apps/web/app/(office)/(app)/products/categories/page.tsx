import type { Metadata } from 'next';
import { CategoriesView } from '@kassa/web/catalog';

export const metadata: Metadata = { title: 'Categories' };

export default function CategoriesPage() {
  return <CategoriesView />;
}
