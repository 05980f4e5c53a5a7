import type { Metadata } from 'next';
import { CountImportView } from '@kassa/web/inventory';

export const metadata: Metadata = { title: 'Import a count' };

export default async function CountImportPage({ searchParams }: { searchParams: Promise<{ storeId?: string | string[] }> }) {
  const { storeId } = await searchParams;
  return <CountImportView storeId={typeof storeId === 'string' ? storeId : undefined} />;
}
