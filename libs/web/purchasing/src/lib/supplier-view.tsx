'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { isUuid } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess, useApiMutation, useApiQuery } from '@kassa/web/data-access';
import {
  Badge,
  Button,
  Checkbox,
  Combobox,
  Form,
  FormActions,
  FormInput,
  FormNumberInput,
  FormRow,
  MoneyInput,
  NumberInput,
  PageHeader,
  ProblemState,
  Skeleton,
  useShopFormat,
  useToasts,
  type ComboboxOption,
  sectionStyles,
} from '@kassa/web/ui';
import { PurchasingNav } from './purchasing-nav';
import { supplierKeys, type SupplierDetail } from './purchasing-requests';
import styles from './purchasing.module.css';

const BACK = { href: '/purchasing/suppliers', label: 'Suppliers' };

interface SupplierValues {
  name: string;
  contactName: string;
  email: string;
  phone: string;
  address: string;
  leadTimeDays: number | null;
  paymentTermsDays: number | null;
}

const valuesOf = (supplier: SupplierDetail): SupplierValues => ({
  name: supplier.name,
  contactName: supplier.contactName ?? '',
  email: supplier.email ?? '',
  phone: supplier.phone ?? '',
  address: supplier.address ?? '',
  leadTimeDays: supplier.leadTimeDays,
  paymentTermsDays: supplier.paymentTermsDays,
});

const orNull = (text: string) => text.trim() || null;

/** One supplier: its details (editable by purchasing managers) and what it charges for which products. */
export function SupplierView() {
  const { id } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { can } = useSession();
  const supplier = useApiQuery(supplierKeys.detail(id), (http, signal) => http.GET('/api/v1/suppliers/{id}', { params: { path: { id } }, signal }), {
    enabled: valid,
  });
  if (!valid || supplier.isError) {
    return (
      <>
        <PageHeader title="Supplier" back={BACK} />
        <ProblemState
          kind={supplier.isError ? supplier.error.kind : 'not-found'}
          subject="This supplier"
          onRetry={supplier.isError ? () => void supplier.refetch() : undefined}
          retrying={supplier.isFetching}
        />
      </>
    );
  }
  const data = supplier.data;
  if (!data) {
    return (
      <>
        <PageHeader title="Supplier" back={BACK} />
        <Skeleton lines={6} label="Loading the supplier" />
      </>
    );
  }
  const manage = can('purchasing:manage');
  return (
    <>
      <PageHeader title={data.name} back={BACK} description={`Lead time ${data.leadTimeDays} days · payment terms ${data.paymentTermsDays} days`} />
      <PurchasingNav />
      {manage && <SupplierForm key={data.version} supplier={data} onReload={async () => (await supplier.refetch()).data} />}
      <SupplierProducts supplier={data} manage={manage} />
    </>
  );
}

function SupplierForm({ supplier, onReload }: { supplier: SupplierDetail; onReload(): Promise<SupplierDetail | undefined> }) {
  const toasts = useToasts();
  const [base, setBase] = useState(supplier);
  const save = useApiMutation(
    (http, { values, version }: { values: SupplierValues; version: number | undefined }) =>
      http.PATCH('/api/v1/suppliers/{id}', {
        params: { path: { id: base.id }, header: version === undefined ? undefined : { 'If-Match': `"${version}"` } },
        body: {
          name: values.name,
          contactName: orNull(values.contactName),
          email: orNull(values.email),
          phone: orNull(values.phone),
          address: orNull(values.address),
          leadTimeDays: values.leadTimeDays ?? undefined,
          paymentTermsDays: values.paymentTermsDays ?? undefined,
        },
      }),
    { invalidates: [supplierKeys.all] },
  );
  const form = useForm<SupplierValues>({ defaultValues: valuesOf(supplier) });
  return (
    <section className={sectionStyles.section} aria-labelledby="supplier-details">
      <h2 id="supplier-details" className={sectionStyles.heading}>
        Details
      </h2>
      <Form
        form={form}
        label="Edit supplier"
        onReload={async () => {
          const fresh = await onReload();
          if (!fresh) return;
          setBase(fresh);
          form.reset(valuesOf(fresh));
        }}
        onSubmit={async (values, { overwrite }) => {
          const saved = await save.mutateAsync({ values, version: overwrite ? undefined : base.version });
          toasts.show({ message: `${saved.name} saved.`, tone: 'success' });
          return values;
        }}
      >
        <FormRow>
          <FormInput name="name" label="Name" required autoComplete="off" />
          <FormInput name="contactName" label="Contact" autoComplete="off" />
        </FormRow>
        <FormRow>
          <FormInput name="email" label="Email" type="email" autoComplete="off" />
          <FormInput name="phone" label="Phone" autoComplete="off" />
        </FormRow>
        <FormInput name="address" label="Address" autoComplete="off" />
        <FormRow>
          <FormNumberInput name="leadTimeDays" label="Lead time" unit="days" min={0} max={365} />
          <FormNumberInput name="paymentTermsDays" label="Payment terms" unit="days" min={0} max={365} />
        </FormRow>
        <FormActions />
      </Form>
    </section>
  );
}

/** What the supplier charges per product, and a row to add a product or change its terms. */
function SupplierProducts({ supplier, manage }: { supplier: SupplierDetail; manage: boolean }) {
  const access = useApiAccess();
  const format = useShopFormat();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const [product, setProduct] = useState<ComboboxOption | null>(null);
  const [unitCostMinor, setUnitCost] = useState<number | null>(null);
  const [packSize, setPackSize] = useState<number | null>(1);
  const [minOrderQuantity, setMinOrder] = useState<number | null>(0);
  const [preferred, setPreferred] = useState(true);
  const put = useApiMutation(
    (http, productId: string) =>
      http.PUT('/api/v1/suppliers/{id}/products/{productId}', {
        params: { path: { id: supplier.id, productId } },
        body: { unitCostMinor: unitCostMinor ?? 0, packSize: packSize ?? 1, minOrderQuantity: minOrderQuantity ?? 0, preferred },
      }),
    { invalidates: [supplierKeys.all], onSuccess: () => void queryClient.invalidateQueries({ queryKey: supplierKeys.detail(supplier.id) }) },
  );

  async function search(query: string, signal: AbortSignal): Promise<ComboboxOption[]> {
    const page = await callApi(access, (http) => http.GET('/api/v1/products', { params: { query: { q: query, limit: 10 } }, signal }), signal);
    return page.items.map((item) => ({ value: item.id, label: item.name, description: item.sku }));
  }

  async function save() {
    if (!product) return;
    try {
      await put.mutateAsync(product.value);
      toasts.show({ message: `${product.label}: terms saved.`, tone: 'success' });
      setProduct(null);
    } catch (error) {
      toasts.show({ message: error instanceof Error ? error.message : String(error), tone: 'error' });
    }
  }

  return (
    <section className={sectionStyles.section} aria-labelledby="supplier-products">
      <h2 id="supplier-products" className={sectionStyles.heading}>
        Products
      </h2>
      {supplier.products.length === 0 ? (
        <p className={styles.muted}>No products yet: add what this supplier sells to prefill its costs on orders.</p>
      ) : (
        <div className={sectionStyles.tableScroll}>
          <table className={sectionStyles.table}>
            <thead>
              <tr>
                <th scope="col">Product</th>
                <th scope="col">Supplier SKU</th>
                <th scope="col" className={sectionStyles.end}>
                  Unit cost
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Pack
                </th>
                <th scope="col" className={sectionStyles.end}>
                  Minimum
                </th>
                <th scope="col">Preferred</th>
              </tr>
            </thead>
            <tbody>
              {supplier.products.map((terms) => (
                <tr key={terms.productId}>
                  <td>
                    {terms.name} <span className={styles.muted}>{terms.sku}</span>
                  </td>
                  <td>{terms.supplierSku ?? '—'}</td>
                  <td className={sectionStyles.end}>{format.money(terms.unitCostMinor)}</td>
                  <td className={sectionStyles.end}>{terms.packSize}</td>
                  <td className={sectionStyles.end}>{terms.minOrderQuantity}</td>
                  <td>{terms.preferred ? <Badge tone="ok">Preferred</Badge> : <span className={styles.muted}>—</span>}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manage && (
        <div className={sectionStyles.row}>
          <Combobox label="Product" value={product} onChange={setProduct} search={search} placeholder="Search products" />
          <MoneyInput label="Unit cost" className={styles.quantity} value={unitCostMinor} onChange={setUnitCost} />
          <NumberInput label="Pack size" className={styles.quantity} min={1} value={packSize} onChange={setPackSize} />
          <NumberInput label="Minimum order" className={styles.quantity} min={0} value={minOrderQuantity} onChange={setMinOrder} />
          <Checkbox label="Preferred supplier" checked={preferred} onChange={(event) => setPreferred(event.target.checked)} />
          <Button variant="primary" disabled={!product || unitCostMinor === null} loading={put.isPending} onClick={() => void save()}>
            Save terms
          </Button>
        </div>
      )}
    </section>
  );
}
