'use client';
import { useSession } from '@kassa/web/auth';
import { ImportView } from '@kassa/web/export-import';
import { PageHeader, ProblemState } from '@kassa/web/ui';

/** A count from a spreadsheet (SKU or barcode, counted) for one store, through the import flow: mapping, dry run, commit. */
export function CountImportView({ storeId }: { storeId?: string }) {
  const session = useSession();
  const store = storeId ?? session.storeId;
  if (!session.can('inventory:manage') || !store) {
    return (
      <>
        <PageHeader title="Import a count" back={{ href: '/inventory/count', label: 'Count stock' }} />
        <ProblemState kind={store ? 'forbidden' : 'not-found'} subject="Importing a count" />
      </>
    );
  }
  const storeName = session.me?.stores.find((item) => item.id === store)?.name;
  return (
    <ImportView
      kind="counts"
      title={storeName ? `Import a count for ${storeName}` : 'Import a count'}
      back={{ href: '/inventory/count', label: 'Count stock' }}
      extraFields={{ storeId: store }}
    />
  );
}
