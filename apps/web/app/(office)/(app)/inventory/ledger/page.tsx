import type { Metadata } from 'next';
import { LedgerView } from '@kassa/web/inventory';

export const metadata: Metadata = { title: 'Stock ledger' };

export default async function LedgerPage({ searchParams }: { searchParams: Promise<{ referenceId?: string | string[] }> }) {
  const { referenceId } = await searchParams;
  // A new reference is a new view: its own table state.
  return <LedgerView key={typeof referenceId === 'string' ? referenceId : ''} referenceId={typeof referenceId === 'string' ? referenceId : undefined} />;
}
