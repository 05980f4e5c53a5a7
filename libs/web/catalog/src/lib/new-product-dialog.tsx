'use client';
import { useForm } from 'react-hook-form';
import { useApiMutation } from '@kassa/web/data-access';
import { Dialog, Form, FormActions, FormInput, FormMoneyInput, FormNumberInput, FormRow, useNavigationGuard, useToasts } from '@kassa/web/ui';
import { barcodeProblem, barcodesOf } from './product-form-values';
import { productKeys } from './product-requests';

interface NewProductValues {
  name: string;
  sku: string;
  priceMinor: number | null;
  taxRatePercent: number | null;
  barcodes: string;
}

/** A new product: the API's field errors (a SKU taken, a barcode in use) land on their fields; saved, it opens. */
export function NewProductDialog({ onClose }: { onClose(): void }) {
  const toasts = useToasts();
  const { navigate } = useNavigationGuard();
  const create = useApiMutation(
    (http, values: NewProductValues) =>
      http.POST('/api/v1/products', {
        body: {
          name: values.name.trim(),
          sku: values.sku.trim(),
          priceMinor: values.priceMinor ?? 0,
          ...(values.taxRatePercent === null ? {} : { taxRateBps: Math.round(values.taxRatePercent * 100) }),
          ...(values.barcodes.trim() ? { barcodes: barcodesOf(values.barcodes) } : {}),
        },
      }),
    { invalidates: [productKeys.all] },
  );
  const form = useForm<NewProductValues>({
    defaultValues: { name: '', sku: '', priceMinor: null, taxRatePercent: null, barcodes: '' },
    mode: 'onChange',
  });

  return (
    <Dialog open onOpenChange={(open) => !open && onClose()} title="New product">
      <Form
        form={form}
        label="New product"
        onSubmit={async (values) => {
          const created = await create.mutateAsync(values);
          toasts.show({ message: `${created.name} created.`, tone: 'success' });
          form.reset(values);
          onClose();
          navigate(`/products/${created.id}`);
        }}
      >
        <FormRow>
          <FormInput name="name" label="Name" required autoComplete="off" />
          <FormInput name="sku" label="SKU" required autoComplete="off" spellCheck={false} />
        </FormRow>
        <FormRow>
          <FormMoneyInput name="priceMinor" label="Price" required />
          <FormNumberInput name="taxRatePercent" label="Tax rate" hint="Empty: the shop's default." fractionDigits={2} min={0} max={100} unit="%" />
        </FormRow>
        <FormInput
          name="barcodes"
          label="Barcodes"
          hint="Separate several with commas. GTINs are checked as you type."
          autoComplete="off"
          spellCheck={false}
          rules={{ validate: (value: string) => barcodeProblem(value) ?? true }}
        />
        <FormActions submitLabel="Create product" />
      </Form>
    </Dialog>
  );
}
