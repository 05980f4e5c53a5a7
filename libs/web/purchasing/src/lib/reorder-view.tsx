'use client';
import { useState } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiMutation, useApiQuery } from '@kassa/web/data-access';
import {
  Button,
  Checkbox,
  EmptyState,
  PageHeader,
  ProblemState,
  Select,
  Skeleton,
  useNavigationGuard,
  useShopFormat,
  useToasts,
  sectionStyles,
} from '@kassa/web/ui';
import { PurchasingNav } from './purchasing-nav';
import { purchaseOrderKeys, reorderKeys } from './purchasing-requests';
import styles from './purchasing.module.css';

/** What to order before the shelf is empty, per store, and draft orders for the chosen products (one per preferred supplier). */
export function ReorderView() {
  const { can } = useSession();
  const format = useShopFormat();
  const toasts = useToasts();
  const { navigate } = useNavigationGuard();
  const [storeId, setStoreId] = useState('');
  const [chosen, setChosen] = useState<ReadonlySet<string>>(new Set());
  const allowed = can('purchasing:read');
  const stores = useApiQuery(['stores', 'purchasing'], (http, signal) => http.GET('/api/v1/stores', { signal }), { enabled: allowed });
  const store = storeId || stores.data?.items[0]?.id || '';
  const suggestions = useApiQuery(
    reorderKeys.list(store),
    (http, signal) => http.GET('/api/v1/purchasing/reorder-suggestions', { params: { query: { storeId: store } }, signal }),
    { enabled: allowed && store !== '' },
  );
  const draft = useApiMutation(
    (http, productIds: string[]) => http.POST('/api/v1/purchasing/reorder-suggestions/draft-orders', { body: { storeId: store, productIds } }),
    { invalidates: [purchaseOrderKeys.all, reorderKeys.all] },
  );

  if (!allowed) {
    return (
      <>
        <PageHeader title="Reorder suggestions" />
        <ProblemState kind="forbidden" subject="Reorder suggestions" />
      </>
    );
  }
  const items = suggestions.data?.items ?? [];
  const toggle = (productId: string, on: boolean) =>
    setChosen((current) => {
      const next = new Set(current);
      if (on) next.add(productId);
      else next.delete(productId);
      return next;
    });

  async function createDrafts() {
    try {
      const drafts = await draft.mutateAsync([...chosen]);
      toasts.show({ message: `Drafted ${drafts.items.map((order) => order.number).join(', ')}.`, tone: 'success' });
      setChosen(new Set());
      navigate(drafts.items.length === 1 ? `/purchasing/orders/${drafts.items[0].id}` : '/purchasing');
    } catch (error) {
      toasts.show({ message: error instanceof Error ? error.message : String(error), tone: 'error' });
    }
  }

  return (
    <>
      <PageHeader
        title="Reorder suggestions"
        description="Products that will run out within their supplier's lead time, from the last 28 days of sales, stock and open orders."
        actions={
          can('purchasing:manage') && (
            <Button variant="primary" disabled={chosen.size === 0} loading={draft.isPending} onClick={() => void createDrafts()}>
              Create draft orders
            </Button>
          )
        }
      />
      <PurchasingNav />
      <div className={sectionStyles.row}>
        <Select
          label="Store"
          options={(stores.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
          value={store}
          onChange={(event) => {
            setStoreId(event.target.value);
            setChosen(new Set());
          }}
        />
      </div>
      {suggestions.isError ? (
        <ProblemState kind={suggestions.error.kind} onRetry={() => void suggestions.refetch()} retrying={suggestions.isFetching} />
      ) : !suggestions.data ? (
        <Skeleton lines={4} label="Loading the suggestions" />
      ) : items.length === 0 ? (
        <EmptyState title="Nothing to reorder" description="Every product with a preferred supplier has enough stock for its lead time." />
      ) : (
        <div className={sectionStyles.tableScroll}>
          <table className={sectionStyles.table}>
            <thead>
              <tr>
                <th scope="col">
                  <Checkbox
                    label="Choose all"
                    checked={chosen.size === items.length}
                    onChange={(event) => setChosen(event.target.checked ? new Set(items.map((item) => item.productId)) : new Set())}
                  />
                </th>
                <th scope="col">Product</th>
                <th scope="col">Supplier</th>
                <th scope="col" className={sectionStyles.end}>
                  Sold (28 days)
                </th>
                <th scope="col" className={sectionStyles.end}>
                  On hand
                </th>
                <th scope="col" className={sectionStyles.end}>
                  On order
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Order
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Cost
                </th>
              </tr>
            </thead>
            <tbody>
              {items.map((item) => (
                <tr key={item.productId}>
                  <td>
                    <Checkbox
                      label={`Order ${item.name}`}
                      checked={chosen.has(item.productId)}
                      onChange={(event) => toggle(item.productId, event.target.checked)}
                    />
                  </td>
                  <td>
                    {item.name} <span className={styles.muted}>{item.sku}</span>
                  </td>
                  <td>
                    {item.supplierName} <span className={styles.muted}>({item.leadTimeDays} days)</span>
                  </td>
                  <td className={sectionStyles.end}>{item.unitsSold}</td>
                  <td className={sectionStyles.end}>{item.onHand}</td>
                  <td className={sectionStyles.end}>{item.onOrder}</td>
                  <td className={sectionStyles.end}>
                    <strong>{item.quantity}</strong>
                    {item.packSize > 1 && (
                      <span className={styles.muted}>
                        {' '}
                        ({item.quantity / item.packSize} × {item.packSize})
                      </span>
                    )}
                  </td>
                  <td className={sectionStyles.end}>{format.money(item.quantity * item.unitCostMinor)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
