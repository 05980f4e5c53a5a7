'use client';
import { useForm } from 'react-hook-form';
import {
  Button,
  Form,
  FormActions,
  FormCheckbox,
  FormDatePicker,
  FormInput,
  FormMoneyInput,
  FormNumberInput,
  FormRow,
  FormSelect,
  FormSwitch,
  useToasts,
} from '@kassa/web/ui';
import { GallerySection, Specimen } from './gallery-section';

interface DemoValues {
  name: string;
  sku: string;
  priceMinor: number | null;
  stock: number | null;
  unit: string;
  availableFrom: string | null;
  active: boolean;
  featured: boolean;
}

const DEFAULTS: DemoValues = {
  name: 'Assam tea',
  sku: 'TEA-01',
  priceMinor: 495,
  stock: 12,
  unit: 'piece',
  availableFrom: null,
  active: true,
  featured: false,
};

/** What the API answers, played locally: SKUs with spaces are refused per field, "taken" is a conflict, "412" someone else's change. */
function pretendToSave(values: DemoValues, overwrite: boolean): Promise<void> {
  return new Promise((resolve, reject) =>
    setTimeout(() => {
      if (/\s/.test(values.sku)) {
        reject({
          kind: 'invalid',
          status: 400,
          problem: {
            title: 'Bad Request',
            detail: 'The request has invalid fields.',
            errors: [{ field: 'sku', message: 'sku must be 1-64 letters, digits, . _ / or -' }],
          },
        });
      } else if (values.name.toLowerCase().includes('412') && !overwrite) {
        reject({ kind: 'changed', status: 412 });
      } else {
        resolve();
      }
    }, 400),
  );
}

export function FormSection() {
  const toasts = useToasts();
  const form = useForm<DemoValues>({ defaultValues: DEFAULTS });
  return (
    <GallerySection
      id="form"
      title="Form"
      description="The API's errors land on their fields, a 412 asks reload or overwrite, leaving with changes asks first, Ctrl/Cmd+S saves."
    >
      <Specimen title="Form · on react-hook-form" wide>
        <Form
          form={form}
          label="Demo product"
          onReload={() => form.reset(DEFAULTS)}
          onSubmit={async (values, { overwrite }) => {
            await pretendToSave(values, overwrite);
            toasts.show({ message: `${values.name} saved.`, tone: 'success' });
          }}
        >
          <FormRow>
            <FormInput name="name" label="Name" required hint="Put 412 in it to see the conflict dialog." />
            <FormInput name="sku" label="SKU" required hint="A space in it gets the API's field error." />
          </FormRow>
          <FormRow>
            <FormMoneyInput name="priceMinor" label="Price" required />
            <FormNumberInput name="stock" label="On hand" min={0} unit="pcs" />
          </FormRow>
          <FormRow>
            <FormSelect
              name="unit"
              label="Unit"
              options={[
                { value: 'piece', label: 'Piece' },
                { value: 'kg', label: 'Kilogram' },
                { value: 'l', label: 'Litre' },
              ]}
            />
            <FormDatePicker name="availableFrom" label="Available from" />
          </FormRow>
          <FormCheckbox name="active" label="Active" />
          <FormSwitch name="featured" label="Featured on the till" />
          <FormActions>
            <Button variant="ghost" onClick={() => form.reset(DEFAULTS)}>
              Discard changes
            </Button>
          </FormActions>
        </Form>
      </Specimen>
    </GallerySection>
  );
}
