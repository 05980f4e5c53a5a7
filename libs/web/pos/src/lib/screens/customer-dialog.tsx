'use client';
import { useState, type FormEvent } from 'react';
import type { Schemas } from '@kassa/api-client';
import { callApi, type ApiAccess } from '@kassa/web/data-access';
import { Button, Dialog, Input, SearchInput } from '@kassa/web/ui';
import type { CartCustomer } from '../sell/cart';
import styles from '../till.module.css';

type Customer = Schemas['CustomerDto'];

/** A new customer as the till creates it (queued, so it works offline too). */
export interface NewCustomer {
  name: string;
  email?: string;
  phone?: string;
}

interface CustomerDialogProps {
  open: boolean;
  access: ApiAccess;
  onAttach(customer: CartCustomer): void;
  /** Queues the customer and answers who to attach. */
  onCreate(customer: NewCustomer): Promise<CartCustomer>;
  onClose(): void;
}

/** Finds a customer by name, email or phone, or creates one on the spot (name and an email or phone; offline too). */
export function CustomerDialog({ open, access, onAttach, onCreate, onClose }: CustomerDialogProps) {
  const [query, setQuery] = useState('');
  const [found, setFound] = useState<Customer[]>();
  const [error, setError] = useState<string>();
  const [creating, setCreating] = useState(false);

  async function search(text: string) {
    setQuery(text);
    if (text.trim().length < 2) return setFound(undefined);
    try {
      setFound((await callApi(access, (http, signal) => http.GET('/api/v1/customers', { params: { query: { q: text.trim(), limit: 8 } }, signal }))).items);
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    }
  }

  async function create(event: FormEvent<HTMLFormElement>) {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    const contact = String(form.get('contact') ?? '').trim();
    const body = { name: String(form.get('name')).trim(), ...(contact.includes('@') ? { email: contact } : contact ? { phone: contact } : {}) };
    setCreating(true);
    try {
      onAttach(await onCreate(body));
    } catch (failure) {
      setError(failure instanceof Error ? failure.message : String(failure));
    } finally {
      setCreating(false);
    }
  }

  return (
    <Dialog open={open} onOpenChange={(next) => !next && onClose()} title="Customer">
      <div className={styles.stack}>
        <SearchInput label="Find a customer" value={query} onSearch={(text) => void search(text)} data-autofocus />
        {found && (
          <ul className={styles.pickList} aria-label="Customers found">
            {found.length === 0 && <li className={styles.muted}>No one matches.</li>}
            {found.map((customer) => (
              <li key={customer.id}>
                <button type="button" className={styles.pickItem} onClick={() => onAttach({ id: customer.id, name: customer.name })}>
                  <strong>{customer.name}</strong>
                  <span className={styles.muted}>{customer.email ?? customer.phone ?? ''}</span>
                </button>
              </li>
            ))}
          </ul>
        )}
        <form className={styles.stack} onSubmit={(event) => void create(event)} aria-label="New customer">
          <h3 className={styles.subheading}>New customer</h3>
          <Input label="Name" name="name" required />
          <Input label="Email or phone" name="contact" />
          {error && (
            <p role="alert" className={styles.error}>
              {error}
            </p>
          )}
          <Button type="submit" loading={creating}>
            Create and attach
          </Button>
        </form>
      </div>
    </Dialog>
  );
}
