import type { Metadata } from 'next';
import { StoresView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Stores and registers' };

export default function StoresPage() {
  return <StoresView />;
}
