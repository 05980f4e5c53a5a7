'use client';
import { useSession } from '@kassa/web/auth';
import { PageHeader, ProblemState } from '@kassa/web/ui';
import { InventoryNav } from './inventory-nav';
import { LedgerTable } from './ledger-table';

/** Every stock movement of the stores the person may see, or the rows of one sale, transfer, count or receipt. */
export function LedgerView({ referenceId }: { referenceId?: string }) {
  const { can } = useSession();
  if (!can('inventory:read')) {
    return (
      <>
        <PageHeader title="Stock ledger" />
        <ProblemState kind="forbidden" subject="The stock ledger" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title={referenceId ? 'Stock movements of one reference' : 'Stock ledger'}
        description={referenceId ? 'Every ledger row this sale, transfer, count or receipt wrote.' : 'Every stock movement, newest first.'}
        back={referenceId ? { href: '/inventory/ledger', label: 'Stock ledger' } : undefined}
      />
      <InventoryNav />
      <LedgerTable label="Stock movements" referenceId={referenceId} showProduct />
    </>
  );
}
