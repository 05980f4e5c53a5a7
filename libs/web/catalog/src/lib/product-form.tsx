'use client';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useForm } from 'react-hook-form';
import { useApiMutation } from '@kassa/web/data-access';
import { Form, FormActions, FormCheckbox, FormInput, FormMoneyInput, FormNumberInput, FormRow, FormTextarea, useToasts } from '@kassa/web/ui';
import { barcodeProblem, changesOf, valuesOf, type ProductFormValues } from './product-form-values';
import { productKeys, updateProduct, type Product, type ProductChanges } from './product-requests';

/**
 * Edits a product. The version sent as If-Match is the one the form's values came from (not a newer
 * one fetched in the background), so someone else's change in between is a 412: reload or overwrite.
 */
export function ProductForm({ product, onReload }: { product: Product; onReload(): Promise<Product | undefined> }) {
  const queryClient = useQueryClient();
  const toasts = useToasts();
  const [base, setBase] = useState(product);
  const save = useApiMutation(
    (http, { changes, version }: { changes: ProductChanges; version: number | undefined }) => updateProduct(http, base.id, changes, version),
    { invalidates: [productKeys.all] },
  );
  const form = useForm<ProductFormValues>({ defaultValues: valuesOf(product), mode: 'onChange' });

  return (
    <Form
      form={form}
      label="Edit product"
      onReload={async () => {
        const fresh = await onReload();
        if (!fresh) return;
        setBase(fresh);
        form.reset(valuesOf(fresh));
      }}
      onSubmit={async (values, { overwrite }) => {
        const changes = changesOf(values, form.formState.dirtyFields);
        const saved = await save.mutateAsync({ changes, version: overwrite ? undefined : base.version });
        setBase(saved);
        queryClient.setQueryData(productKeys.detail(base.id), saved);
        toasts.show({ message: `${saved.name} saved.`, tone: 'success' });
        return valuesOf(saved);
      }}
    >
      <FormRow>
        <FormInput name="name" label="Name" required autoComplete="off" />
        <FormInput name="sku" label="SKU" required autoComplete="off" spellCheck={false} />
      </FormRow>
      <FormRow>
        <FormMoneyInput name="priceMinor" label="Price" required />
        <FormNumberInput name="taxRatePercent" label="Tax rate" fractionDigits={2} min={0} max={100} unit="%" required />
      </FormRow>
      <FormInput
        name="barcodes"
        label="Barcodes"
        hint="Separate several with commas. GTINs are checked as you type."
        autoComplete="off"
        spellCheck={false}
        rules={{ validate: (value: string) => barcodeProblem(value) ?? true }}
      />
      <FormTextarea name="description" label="Description" rows={3} />
      <FormCheckbox name="active" label="Active" description="Inactive products stay in history but cannot be sold." />
      <FormActions />
    </Form>
  );
}
