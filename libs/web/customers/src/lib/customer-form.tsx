'use client';
import { useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { Checkbox, Input, Textarea } from '@kassa/web/ui';
import { parseTags, tagsText } from './customer-tags';
import styles from './customers.module.css';

export type Customer = Schemas['CustomerDto'];
export type CustomerFields = Required<Pick<Schemas['CreateCustomerDto'], 'name' | 'tags' | 'marketingConsent'>> & {
  email: string | null;
  phone: string | null;
  notes: string | null;
};

/** The fields of a customer as a person edits them; empty texts are sent as null (cleared). */
export function useCustomerFields(customer?: Customer) {
  const [name, setName] = useState(customer?.name ?? '');
  const [email, setEmail] = useState(customer?.email ?? '');
  const [phone, setPhone] = useState(customer?.phone ?? '');
  const [notes, setNotes] = useState(customer?.notes ?? '');
  const [tags, setTags] = useState(tagsText(customer?.tags ?? []));
  const [marketingConsent, setConsent] = useState(customer?.marketingConsent ?? false);
  const values: CustomerFields = {
    name: name.trim(),
    email: email.trim() || null,
    phone: phone.trim() || null,
    notes: notes.trim() || null,
    tags: parseTags(tags),
    marketingConsent,
  };
  const fields = (
    <div className={styles.form}>
      <Input label="Name" required value={name} onChange={(event) => setName(event.target.value)} maxLength={200} autoComplete="off" data-autofocus />
      <Input label="Email" type="email" value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" />
      <Input label="Phone" type="tel" value={phone} onChange={(event) => setPhone(event.target.value)} autoComplete="off" />
      <Input label="Tags" hint="Separated by commas, such as vip, wholesale." value={tags} onChange={(event) => setTags(event.target.value)} />
      <Textarea label="Notes" value={notes} onChange={(event) => setNotes(event.target.value)} rows={3} />
      <Checkbox label="Agreed to marketing messages" checked={marketingConsent} onChange={(event) => setConsent(event.target.checked)} />
    </div>
  );
  return { values, fields };
}
