'use client';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSession } from '@kassa/web/auth';
import { useApiMutation, useApiQuery } from '@kassa/web/data-access';
import {
  Button,
  DataTable,
  Dialog,
  Form,
  FormActions,
  FormInput,
  FormNumberInput,
  FormRow,
  PageHeader,
  ProblemState,
  SearchInput,
  useDataTableQuery,
  useNavigationGuard,
  useToasts,
  type DataTableColumn,
} from '@kassa/web/ui';
import { PurchasingNav } from './purchasing-nav';
import { supplierKeys, type Supplier } from './purchasing-requests';

interface NewSupplierValues {
  name: string;
  contactName: string;
  email: string;
  phone: string;
  leadTimeDays: number | null;
  paymentTermsDays: number | null;
}

const blank = (text: string) => text.trim() || undefined;

/** The shop's suppliers by name, and a dialog to add one. */
export function SuppliersView() {
  const { me, can } = useSession();
  const table = useDataTableQuery({ pageSize: 50 });
  const [adding, setAdding] = useState(false);
  const { navigate } = useNavigationGuard();
  const allowed = can('purchasing:read');
  const page = useApiQuery(
    supplierKeys.list(table.query),
    (http, signal) =>
      http.GET('/api/v1/suppliers', {
        params: { query: { q: table.filterValues['q'] || undefined, cursor: table.query.cursor, limit: table.query.limit } },
        signal,
      }),
    { keepPrevious: true, enabled: allowed },
  );
  const columns = useMemo<DataTableColumn<Supplier>[]>(
    () => [
      { id: 'name', header: 'Name', cell: (supplier) => supplier.name, hideable: false },
      { id: 'contact', header: 'Contact', cell: (supplier) => supplier.contactName ?? '—' },
      { id: 'email', header: 'Email', cell: (supplier) => supplier.email ?? '—' },
      { id: 'lead', header: 'Lead time', cell: (supplier) => `${supplier.leadTimeDays} days`, align: 'end' },
      { id: 'terms', header: 'Payment terms', cell: (supplier) => `${supplier.paymentTermsDays} days`, align: 'end' },
    ],
    [],
  );
  if (!allowed) {
    return (
      <>
        <PageHeader title="Suppliers" />
        <ProblemState kind="forbidden" subject="Suppliers" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Suppliers"
        description="Who the shop buys from, their lead times and payment terms."
        actions={
          can('purchasing:manage') && (
            <Button variant="primary" onClick={() => setAdding(true)}>
              New supplier
            </Button>
          )
        }
      />
      <PurchasingNav />
      <DataTable
        label="Suppliers"
        columns={columns}
        rowId={(supplier) => supplier.id}
        rowLabel={(supplier) => supplier.name}
        state={table}
        page={page.data}
        loading={page.isPending}
        refreshing={page.isPlaceholderData}
        failure={page.isError ? { kind: page.error.kind, retry: () => void page.refetch() } : undefined}
        onOpen={(supplier) => navigate(`/purchasing/suppliers/${supplier.id}`)}
        preferencesKey={me ? `suppliers:${me.user.id}` : undefined}
        empty={{ title: 'No suppliers yet', description: 'Add the wholesalers and makers you order from.' }}
        filters={
          <SearchInput
            label="Search suppliers"
            hideLabel
            placeholder="Name"
            value={table.filterValues['q'] ?? ''}
            onSearch={(value) => table.setFilter('q', value)}
          />
        }
      />
      <Dialog open={adding} onOpenChange={setAdding} title="New supplier">
        {adding && <NewSupplierForm onDone={() => setAdding(false)} />}
      </Dialog>
    </>
  );
}

function NewSupplierForm({ onDone }: { onDone(): void }) {
  const toasts = useToasts();
  const create = useApiMutation(
    (http, values: NewSupplierValues) =>
      http.POST('/api/v1/suppliers', {
        body: {
          name: values.name,
          contactName: blank(values.contactName),
          email: blank(values.email),
          phone: blank(values.phone),
          leadTimeDays: values.leadTimeDays ?? 0,
          paymentTermsDays: values.paymentTermsDays ?? 0,
        },
      }),
    { invalidates: [supplierKeys.all] },
  );
  const form = useForm<NewSupplierValues>({ defaultValues: { name: '', contactName: '', email: '', phone: '', leadTimeDays: 3, paymentTermsDays: 14 } });
  return (
    <Form
      form={form}
      label="New supplier"
      onSubmit={async (values) => {
        const created = await create.mutateAsync(values);
        toasts.show({ message: `${created.name} added.`, tone: 'success' });
        onDone();
        return values;
      }}
    >
      <FormInput name="name" label="Name" required autoComplete="off" />
      <FormRow>
        <FormInput name="contactName" label="Contact" autoComplete="off" />
        <FormInput name="email" label="Email" type="email" autoComplete="off" />
      </FormRow>
      <FormRow>
        <FormInput name="phone" label="Phone" autoComplete="off" />
        <FormNumberInput name="leadTimeDays" label="Lead time" unit="days" min={0} max={365} />
        <FormNumberInput name="paymentTermsDays" label="Payment terms" unit="days" min={0} max={365} />
      </FormRow>
      <FormActions submitLabel="Add supplier" />
    </Form>
  );
}
