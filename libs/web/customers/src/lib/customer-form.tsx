'use client';
import type { Schemas } from '@kassa/api-client';
import { FormCheckbox, FormInput, FormTextarea } from '@kassa/web/ui';
import { parseTags, tagsText } from './customer-tags';

export type Customer = Schemas['CustomerDto'];

/** A customer's fields as a person edits them: texts as typed, the tags in one field. */
export interface CustomerFormValues {
  name: string;
  email: string;
  phone: string;
  tags: string;
  notes: string;
  marketingConsent: boolean;
}

export const customerFormValues = (customer?: Customer): CustomerFormValues => ({
  name: customer?.name ?? '',
  email: customer?.email ?? '',
  phone: customer?.phone ?? '',
  tags: tagsText(customer?.tags ?? []),
  notes: customer?.notes ?? '',
  marketingConsent: customer?.marketingConsent ?? false,
});

/** What the API is sent: trimmed texts, an empty one as null (cleared), the tags parsed. */
export const customerBody = (values: CustomerFormValues) => ({
  name: values.name.trim(),
  email: values.email.trim() || null,
  phone: values.phone.trim() || null,
  notes: values.notes.trim() || null,
  tags: parseTags(values.tags),
  marketingConsent: values.marketingConsent,
});

/** The fields, inside the design system's `Form`: the API's refusals (an email it cannot read, a phone too short) land on them. */
export function CustomerFields() {
  return (
    <>
      <FormInput
        name="name"
        label="Name"
        required
        maxLength={200}
        autoComplete="off"
        data-autofocus
        rules={{ validate: (value: string) => value.trim() !== '' || 'Enter a name.' }}
      />
      <FormInput name="email" label="Email" type="email" autoComplete="off" />
      <FormInput name="phone" label="Phone" type="tel" autoComplete="off" />
      <FormInput name="tags" label="Tags" hint="Separated by commas, such as vip, wholesale." />
      <FormTextarea name="notes" label="Notes" rows={3} />
      <FormCheckbox name="marketingConsent" label="Agreed to marketing messages" />
    </>
  );
}
