'use client';
import { useMemo, useState } from 'react';
import { useForm } from 'react-hook-form';
import { useSession } from '@kassa/web/auth';
import { useApiMutation, useApiQuery } from '@kassa/web/data-access';
import {
  Badge,
  Button,
  DataTable,
  Dialog,
  Form,
  FormActions,
  PageHeader,
  ProblemState,
  SearchInput,
  useDataTableQuery,
  useNavigationGuard,
  useShopFormat,
  type DataTableColumn,
} from '@kassa/web/ui';
import { CustomerFields, customerBody, customerFormValues, type Customer, type CustomerFormValues } from './customer-form';
import { customerKeys } from './customer-requests';
import styles from './customers.module.css';

/** The shop's customers: search by name, email or phone, add one, open one. */
export function CustomersView() {
  const { me, can } = useSession();
  const format = useShopFormat();
  const { navigate } = useNavigationGuard();
  const allowed = can('customers:read');
  const table = useDataTableQuery({ pageSize: 50 });
  const { filters, cursor, limit } = table.query;
  const q = filters['q'] || undefined;
  const [adding, setAdding] = useState(false);
  const page = useApiQuery(
    customerKeys.list({ q, cursor, limit }),
    (http, signal) => http.GET('/api/v1/customers', { params: { query: { q, cursor, limit } }, signal }),
    { keepPrevious: true, enabled: allowed },
  );
  const columns = useMemo<DataTableColumn<Customer>[]>(
    () => [
      { id: 'name', header: 'Name', cell: (customer) => customer.name, hideable: false },
      { id: 'email', header: 'Email', cell: (customer) => customer.email ?? '—' },
      { id: 'phone', header: 'Phone', cell: (customer) => customer.phone ?? '—' },
      { id: 'tags', header: 'Tags', cell: (customer) => customer.tags.join(', ') || '—' },
      {
        id: 'status',
        header: 'Status',
        cell: (customer) => (
          <span className={styles.badges}>
            {customer.erased && <Badge tone="neutral">Erased</Badge>}
            {customer.marketingConsent && <Badge tone="info">Marketing</Badge>}
          </span>
        ),
      },
      { id: 'createdAt', header: 'Added', cell: (customer) => format.dateTime(customer.createdAt, { dateStyle: 'medium' }), hiddenByDefault: true },
    ],
    [format],
  );
  if (!allowed) {
    return (
      <>
        <PageHeader title="Customers" />
        <ProblemState kind="forbidden" />
      </>
    );
  }
  return (
    <>
      <PageHeader
        title="Customers"
        description="People who buy from the shop, with their purchases and consent."
        actions={
          can('customers:manage') && (
            <Button variant="primary" onClick={() => setAdding(true)}>
              Add customer
            </Button>
          )
        }
      />
      <DataTable
        label="Customers"
        columns={columns}
        rowId={(customer) => customer.id}
        rowLabel={(customer) => customer.name}
        state={table}
        page={page.data}
        loading={page.isPending}
        refreshing={page.isPlaceholderData}
        failure={page.isError ? { kind: page.error.kind, retry: () => void page.refetch() } : undefined}
        onOpen={(customer) => navigate(`/customers/${customer.id}`)}
        preferencesKey={me ? `customers:${me.user.id}` : undefined}
        empty={{ title: 'No customers yet', description: 'Customers added here or at the till appear here.' }}
        filters={
          <SearchInput
            label="Search customers"
            hideLabel
            placeholder="Name, email or phone"
            value={table.filterValues['q'] ?? ''}
            onSearch={(value) => table.setFilter('q', value.trim())}
          />
        }
      />
      {adding && <AddCustomerDialog onClose={() => setAdding(false)} onAdded={(customer) => navigate(`/customers/${customer.id}`)} />}
    </>
  );
}

function AddCustomerDialog({ onClose, onAdded }: { onClose(): void; onAdded(customer: Customer): void }) {
  const create = useApiMutation(
    (http, values: CustomerFormValues) => {
      const { email, phone, notes, ...body } = customerBody(values);
      return http.POST('/api/v1/customers', { body: { ...body, ...(email ? { email } : {}), ...(phone ? { phone } : {}), ...(notes ? { notes } : {}) } });
    },
    { invalidates: [customerKeys.all] },
  );
  const form = useForm<CustomerFormValues>({ defaultValues: customerFormValues() });
  return (
    <Dialog open onOpenChange={(open) => !open && !form.formState.isSubmitting && onClose()} title="Add a customer">
      <Form
        form={form}
        label="Add a customer"
        onSubmit={async (values) => {
          const created = await create.mutateAsync(values);
          form.reset(values);
          onAdded(created);
        }}
      >
        <CustomerFields />
        <FormActions submitLabel="Add customer" />
      </Form>
    </Dialog>
  );
}
