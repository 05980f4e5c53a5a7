'use client';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { isUuid } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess, useApiMutation, useApiQuery } from '@kassa/web/data-access';
import {
  Button,
  Combobox,
  DatePicker,
  MoneyInput,
  NumberInput,
  PageHeader,
  ProblemState,
  Select,
  Skeleton,
  useNavigationGuard,
  useShopFormat,
  useToasts,
  type ComboboxOption,
  sectionStyles,
} from '@kassa/web/ui';
import { PurchasingNav } from './purchasing-nav';
import { purchaseOrderKeys, supplierKeys, type PurchaseOrder } from './purchasing-requests';
import styles from './purchasing.module.css';

interface DraftLine {
  productId: string;
  sku: string;
  name: string;
  quantity: number | null;
  unitCostMinor: number | null;
  /** When the supplier should deliver it (a day in the shop's time zone). */
  expectedDate: string | null;
}

interface FoundProduct {
  id: string;
  sku: string;
  name: string;
  costMinor: number | null;
}

const BACK = { href: '/purchasing', label: 'Purchase orders' };

interface OrderBody {
  supplierId: string;
  storeId: string;
  lines: { productId: string; quantity: number; unitCostMinor?: number; expectedDate?: string }[];
}

/** A new purchase order: supplier, store, and products found by name, SKU or a scanned barcode, costs prefilled from the supplier. */
export function NewPurchaseOrderView() {
  return <PurchaseOrderEditor />;
}

/** A draft changed in the same editor; saved with its version (`If-Match`), so a change made meanwhile is not overwritten. */
export function EditPurchaseOrderView() {
  const { id } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { can } = useSession();
  const order = useApiQuery(purchaseOrderKeys.detail(id), (http, signal) => http.GET('/api/v1/purchase-orders/{id}', { params: { path: { id } }, signal }), {
    enabled: valid && can('purchasing:manage'),
  });
  const back = { href: `/purchasing/orders/${id}`, label: 'Purchase order' };
  if (!can('purchasing:manage')) {
    return (
      <>
        <PageHeader title="Edit purchase order" back={back} />
        <ProblemState kind="forbidden" subject="Purchase orders" />
      </>
    );
  }
  if (!valid || order.isError) {
    return (
      <>
        <PageHeader title="Edit purchase order" back={BACK} />
        <ProblemState
          kind={order.isError ? order.error.kind : 'not-found'}
          subject="This purchase order"
          onRetry={order.isError ? () => void order.refetch() : undefined}
          retrying={order.isFetching}
        />
      </>
    );
  }
  if (!order.data) {
    return (
      <>
        <PageHeader title="Edit purchase order" back={back} />
        <Skeleton lines={6} label="Loading the purchase order" />
      </>
    );
  }
  if (order.data.status !== 'draft') {
    return (
      <>
        <PageHeader title={`Edit ${order.data.number}`} back={back} />
        <p className={styles.notice} role="note">
          Only drafts can be changed: {order.data.number} has gone further. Reopen a rejected order as a draft to change it.
        </p>
      </>
    );
  }
  // Keyed by version: a draft saved elsewhere meanwhile starts the editor again from what was saved.
  return <PurchaseOrderEditor key={order.data.version} existing={order.data} />;
}

function PurchaseOrderEditor({ existing }: { existing?: PurchaseOrder }) {
  const { can } = useSession();
  const access = useApiAccess();
  const format = useShopFormat();
  const toasts = useToasts();
  const { navigate } = useNavigationGuard();
  const [supplierId, setSupplierId] = useState(existing?.supplierId ?? '');
  const [storeId, setStoreId] = useState(existing?.storeId ?? '');
  const [lines, setLines] = useState<DraftLine[]>(
    () =>
      existing?.lines.map((line) => ({
        productId: line.productId,
        sku: line.sku,
        name: line.name,
        quantity: line.quantity,
        unitCostMinor: line.unitCostMinor,
        expectedDate: line.expectedDate,
      })) ?? [],
  );
  const [found] = useState(() => new Map<string, FoundProduct>());
  const [problem, setProblem] = useState<string>();
  // Fields whose text is not a number yet: saving would send the last valid value instead.
  const [unreadable, setUnreadable] = useState<ReadonlySet<string>>(new Set());
  const allowed = can('purchasing:manage');

  const suppliers = useApiQuery(
    supplierKeys.list({ all: true }),
    (http, signal) => http.GET('/api/v1/suppliers', { params: { query: { limit: 200 } }, signal }),
    {
      enabled: allowed,
    },
  );
  const stores = useApiQuery(['stores', 'purchasing'], (http, signal) => http.GET('/api/v1/stores', { signal }), { enabled: allowed });
  const supplier = useApiQuery(
    supplierKeys.detail(supplierId),
    (http, signal) => http.GET('/api/v1/suppliers/{id}', { params: { path: { id: supplierId } }, signal }),
    { enabled: allowed && supplierId !== '' },
  );
  const create = useApiMutation(
    (http, body: OrderBody) =>
      existing
        ? http.PATCH('/api/v1/purchase-orders/{id}', { params: { path: { id: existing.id }, header: { 'If-Match': `"${existing.version}"` } }, body })
        : http.POST('/api/v1/purchase-orders', { body }),
    { invalidates: [purchaseOrderKeys.all] },
  );
  const title = existing ? `Edit ${existing.number}` : 'New purchase order';
  const back = existing ? { href: `/purchasing/orders/${existing.id}`, label: existing.number } : BACK;

  if (!allowed) {
    return (
      <>
        <PageHeader title={title} back={back} />
        <ProblemState kind="forbidden" subject="Purchase orders" />
      </>
    );
  }

  const supplierCost = (productId: string) => supplier.data?.products.find((terms) => terms.productId === productId)?.unitCostMinor;
  const packOf = (productId: string) => supplier.data?.products.find((terms) => terms.productId === productId)?.packSize;

  async function searchProducts(query: string, signal: AbortSignal): Promise<ComboboxOption[]> {
    const page = await callApi(access, (http) => http.GET('/api/v1/products', { params: { query: { q: query, limit: 10 } }, signal }), signal);
    for (const product of page.items) found.set(product.id, product);
    return page.items.map((product) => ({ value: product.id, label: product.name, description: product.sku }));
  }

  function add(option: ComboboxOption | null) {
    const product = option && found.get(option.value);
    if (!product) return;
    setLines((current) =>
      current.some((line) => line.productId === product.id)
        ? current.map((line) => (line.productId === product.id ? { ...line, quantity: (line.quantity ?? 0) + (packOf(product.id) ?? 1) } : line))
        : [
            ...current,
            {
              productId: product.id,
              sku: product.sku,
              name: product.name,
              quantity: packOf(product.id) ?? 1,
              unitCostMinor: supplierCost(product.id) ?? product.costMinor,
              expectedDate: null,
            },
          ],
    );
  }

  const noteValidity = (field: string, problem: string | undefined) =>
    setUnreadable((current) => {
      const next = new Set(current);
      if (problem) next.add(field);
      else next.delete(field);
      return next;
    });
  const change = (productId: string, patch: Partial<DraftLine>) =>
    setLines((current) => current.map((line) => (line.productId === productId ? { ...line, ...patch } : line)));
  const total = lines.reduce((sum, line) => sum + (line.quantity ?? 0) * (line.unitCostMinor ?? 0), 0);

  async function save() {
    setProblem(undefined);
    try {
      const order = await create.mutateAsync({
        supplierId,
        storeId,
        lines: lines.map((line) => ({
          productId: line.productId,
          quantity: line.quantity ?? 0,
          unitCostMinor: line.unitCostMinor ?? undefined,
          expectedDate: line.expectedDate ?? undefined,
        })),
      });
      toasts.show({ message: existing ? `${order.number} saved.` : `${order.number} saved as a draft.`, tone: 'success' });
      navigate(`/purchasing/orders/${order.id}`);
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  }

  return (
    <>
      <PageHeader title={title} back={back} />
      <PurchasingNav />
      <section className={sectionStyles.section} aria-label="Supplier and store">
        <div className={sectionStyles.row}>
          <Select
            label="Supplier"
            placeholder="Choose a supplier"
            options={(suppliers.data?.items ?? []).map((item) => ({ value: item.id, label: item.name }))}
            value={supplierId}
            onChange={(event) => setSupplierId(event.target.value)}
          />
          <Select
            label="Deliver to"
            placeholder="Choose a store"
            options={(stores.data?.items ?? []).map((store) => ({ value: store.id, label: store.name }))}
            value={storeId}
            onChange={(event) => setStoreId(event.target.value)}
          />
        </div>
      </section>
      <section className={sectionStyles.section} aria-labelledby="order-lines">
        <h2 id="order-lines" className={sectionStyles.heading}>
          Lines
        </h2>
        <Combobox
          label="Add a product"
          hint="Type a name or SKU, or scan a barcode."
          value={null}
          onChange={add}
          search={searchProducts}
          placeholder="Search products"
        />
        {lines.length > 0 && (
          <div className={sectionStyles.tableScroll}>
            <table className={sectionStyles.table}>
              <thead>
                <tr>
                  <th scope="col">Product</th>
                  <th scope="col" className={sectionStyles.end}>
                    Units
                  </th>
                  <th scope="col" className={sectionStyles.end}>
                    Unit cost
                  </th>
                  <th scope="col" className={sectionStyles.end}>
                    Total
                  </th>
                  <th scope="col">Expected</th>
                  <th scope="col">
                    <span className={styles.muted}>Remove</span>
                  </th>
                </tr>
              </thead>
              <tbody>
                {lines.map((line) => (
                  <tr key={line.productId}>
                    <td>
                      {line.name} <span className={styles.muted}>{line.sku}</span>
                      {packOf(line.productId) && packOf(line.productId) !== 1 && <span className={styles.muted}> · packs of {packOf(line.productId)}</span>}
                    </td>
                    <td className={sectionStyles.end}>
                      <NumberInput
                        label={`Units of ${line.name}`}
                        hideLabel
                        className={styles.quantity}
                        min={1}
                        value={line.quantity}
                        onChange={(quantity) => change(line.productId, { quantity })}
                        onValidityChange={(problem) => noteValidity(`${line.productId}:quantity`, problem)}
                      />
                    </td>
                    <td className={sectionStyles.end}>
                      <MoneyInput
                        label={`Unit cost of ${line.name}`}
                        hideLabel
                        className={styles.quantity}
                        value={line.unitCostMinor}
                        onChange={(unitCostMinor) => change(line.productId, { unitCostMinor })}
                        onValidityChange={(problem) => noteValidity(`${line.productId}:cost`, problem)}
                      />
                    </td>
                    <td className={sectionStyles.end}>{format.money((line.quantity ?? 0) * (line.unitCostMinor ?? 0))}</td>
                    <td>
                      <DatePicker
                        label={`Expected date of ${line.name}`}
                        hideLabel
                        value={line.expectedDate}
                        onChange={(expectedDate) => change(line.productId, { expectedDate })}
                      />
                    </td>
                    <td>
                      <Button
                        size="small"
                        variant="ghost"
                        onClick={() => {
                          setLines((current) => current.filter((other) => other.productId !== line.productId));
                          noteValidity(`${line.productId}:quantity`, undefined);
                          noteValidity(`${line.productId}:cost`, undefined);
                        }}
                      >
                        Remove
                      </Button>
                    </td>
                  </tr>
                ))}
              </tbody>
              <tfoot>
                <tr>
                  <th scope="row" colSpan={3} className={sectionStyles.end}>
                    Total
                  </th>
                  <td className={sectionStyles.end}>{format.money(total)}</td>
                  <td />
                  <td />
                </tr>
              </tfoot>
            </table>
          </div>
        )}
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
        <div className={sectionStyles.actions}>
          <Button
            variant="primary"
            onClick={() => void save()}
            loading={create.isPending}
            disabled={!supplierId || !storeId || lines.length === 0 || unreadable.size > 0}
          >
            {existing ? 'Save changes' : 'Save draft'}
          </Button>
        </div>
      </section>
    </>
  );
}
