'use client';
import { useQueryClient } from '@tanstack/react-query';
import Link from 'next/link';
import { useParams } from 'next/navigation';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import type { Schemas } from '@kassa/api-client';
import { isUuid } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiMutation, useApiQuery } from '@kassa/web/data-access';
import { Badge, Button, ConfirmDialog, DetailList, Form, FormActions, PageHeader, ProblemState, Skeleton, useShopFormat, useToasts } from '@kassa/web/ui';
import { CustomerFields, customerBody, customerFormValues, type CustomerFormValues } from './customer-form';
import { customerKeys } from './customer-requests';
import styles from './customers.module.css';

type CustomerDetail = Schemas['CustomerDetailDto'];
const BACK = { href: '/customers', label: 'Customers' };

/** One customer: their details and consent (editable), what they bought, and erasure with what it keeps. */
export function CustomerView() {
  const { id } = useParams<{ id: string }>();
  const valid = isUuid(id);
  const { can } = useSession();
  const customer = useApiQuery(customerKeys.detail(id), (http, signal) => http.GET('/api/v1/customers/{id}', { params: { path: { id } }, signal }), {
    enabled: valid,
  });
  if (!valid || customer.isError) {
    return (
      <>
        <PageHeader title="Customer" back={BACK} />
        <ProblemState
          kind={customer.isError ? customer.error.kind : 'not-found'}
          subject="This customer"
          onRetry={customer.isError ? () => void customer.refetch() : undefined}
        />
      </>
    );
  }
  if (!customer.data) {
    return (
      <>
        <PageHeader title="Customer" back={BACK} />
        <Skeleton lines={6} label="Loading the customer" />
      </>
    );
  }
  return (
    <CustomerPage
      key={customer.data.version}
      customer={customer.data}
      canEdit={can('customers:manage') && !customer.data.erased}
      canErase={can('customers:erase')}
      canSeeSales={can('sales:read')}
    />
  );
}

function CustomerPage({ customer, canEdit, canErase, canSeeSales }: { customer: CustomerDetail; canEdit: boolean; canErase: boolean; canSeeSales: boolean }) {
  const format = useShopFormat();
  const toasts = useToasts();
  const queryClient = useQueryClient();
  const form = useForm<CustomerFormValues>({ defaultValues: customerFormValues(customer) });
  const [erasing, setErasing] = useState(false);
  const save = useApiMutation(
    (http, values: CustomerFormValues) => http.PATCH('/api/v1/customers/{id}', { params: { path: { id: customer.id } }, body: customerBody(values) }),
    { invalidates: [customerKeys.all] },
  );
  const erase = useApiMutation((http) => http.POST('/api/v1/customers/{id}/erase', { params: { path: { id: customer.id } } }), {
    invalidates: [customerKeys.all, queryKeys.entity('sale')],
  });
  return (
    <>
      <PageHeader
        title={customer.name}
        back={BACK}
        description={
          <span className={styles.badges}>
            {customer.erased ? (
              <Badge tone="neutral">Erased</Badge>
            ) : (
              <Badge tone={customer.marketingConsent ? 'info' : 'neutral'}>{customer.marketingConsent ? 'Marketing: yes' : 'Marketing: no'}</Badge>
            )}
            {customer.tags.map((tag) => (
              <Badge key={tag}>{tag}</Badge>
            ))}
          </span>
        }
        actions={
          canErase &&
          !customer.erased && (
            <Button variant="danger" onClick={() => setErasing(true)}>
              Erase
            </Button>
          )
        }
      />
      <div className={styles.layout}>
        <div>
          <section className={styles.section} aria-labelledby="customer-details">
            <h2 id="customer-details" className={styles.heading}>
              Details
            </h2>
            {canEdit ? (
              <Form
                form={form}
                label="Customer details"
                onSubmit={async (values) => {
                  const saved = await save.mutateAsync(values);
                  toasts.show({ message: `${saved.name} is saved.`, tone: 'success' });
                  return customerFormValues(saved);
                }}
              >
                <CustomerFields />
                <FormActions />
              </Form>
            ) : (
              <DetailList
                items={[
                  ['Email', customer.email ?? '—'],
                  ['Phone', customer.phone ?? '—'],
                  ['Notes', customer.notes ?? '—'],
                ]}
              />
            )}
          </section>
          {canSeeSales && <PurchaseHistory customerId={customer.id} />}
        </div>
        <section className={styles.section} aria-labelledby="customer-purchases">
          <h2 id="customer-purchases" className={styles.heading}>
            Purchases
          </h2>
          <DetailList
            items={[
              ['Sales', format.number(customer.purchases.count)],
              ['Total paid', format.money(customer.purchases.totalMinor)],
              ['Last purchase', customer.purchases.lastPurchaseAt ? format.dateTime(customer.purchases.lastPurchaseAt) : '—'],
              ['Customer since', format.dateTime(customer.createdAt, { dateStyle: 'medium' })],
            ]}
          />
        </section>
      </div>
      <ConfirmDialog
        open={erasing}
        onOpenChange={setErasing}
        title={`Erase ${customer.name}?`}
        description="Their name, email, phone, notes and tags are removed for good and marketing consent is withdrawn. Kept: the customer record without personal data, so past sales and their totals still add up."
        confirmLabel="Erase personal data"
        tone="danger"
        typedConfirmation={customer.name}
        onConfirm={async () => {
          await erase.mutateAsync(undefined);
          void queryClient.invalidateQueries({ queryKey: customerKeys.detail(customer.id) });
          toasts.show({ message: `The customer's personal data is erased.`, tone: 'success' });
        }}
      />
    </>
  );
}

function PurchaseHistory({ customerId }: { customerId: string }) {
  const format = useShopFormat();
  const sales = useApiQuery(queryKeys.list('sale', { customerId, limit: 20 }), (http, signal) =>
    http.GET('/api/v1/sales', { params: { query: { customerId, limit: 20 } }, signal }),
  );
  return (
    <section className={styles.section} aria-labelledby="customer-history">
      <h2 id="customer-history" className={styles.heading}>
        Purchase history
      </h2>
      {sales.isError ? (
        <ProblemState kind={sales.error.kind} headingLevel={3} onRetry={() => void sales.refetch()} />
      ) : !sales.data ? (
        <Skeleton lines={3} label="Loading the purchases" />
      ) : sales.data.items.length === 0 ? (
        <p className={styles.muted}>No purchases yet.</p>
      ) : (
        <ul aria-labelledby="customer-history">
          {sales.data.items.map((sale) => (
            <li key={sale.id}>
              <Link href={`/sales/${sale.id}`}>Receipt #{sale.receiptNumber}</Link> · {format.dateTime(sale.occurredAt)} · {format.money(sale.totalMinor)}
              {sale.status === 'voided' && ' · voided'}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
