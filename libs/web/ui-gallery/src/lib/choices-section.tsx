'use client';
import { useState } from 'react';
import { Checkbox, RadioGroup, Switch } from '@kassa/web/ui';
import { GallerySection, Specimen } from './gallery-section';

const PAYMENT = [
  { value: 'card', label: 'Card' },
  { value: 'cash', label: 'Cash', description: 'Counted into the drawer.' },
  { value: 'voucher', label: 'Voucher', disabled: true },
];

export function ChoicesSection() {
  const [checked, setChecked] = useState(true);
  const [on, setOn] = useState(true);
  const [payment, setPayment] = useState('card');
  const [size, setSize] = useState<string>();
  return (
    <GallerySection id="choices" title="Checkboxes, switches, radios">
      <Specimen title="Checkbox">
        <Checkbox label="Track stock" checked={checked} onChange={(event) => setChecked(event.target.checked)} />
        <Checkbox label="Print receipts" description="On the register's printer." />
        <Checkbox label="Some stores" indeterminate readOnly />
        <Checkbox label="Locked" disabled checked readOnly />
      </Specimen>
      <Specimen title="Switch">
        <Switch label="Offline sales" checked={on} onChange={setOn} description="Keep selling without a connection." />
        <Switch label="Beta features" checked={false} onChange={() => undefined} />
        <Switch label="Managed by the owner" checked disabled onChange={() => undefined} />
      </Specimen>
      <Specimen title="RadioGroup">
        <RadioGroup legend="Payment" options={PAYMENT} value={payment} onChange={setPayment} />
      </Specimen>
      <Specimen title="RadioGroup · horizontal, error">
        <RadioGroup
          legend="Label size"
          direction="horizontal"
          options={[
            { value: 's', label: 'Small' },
            { value: 'm', label: 'Medium' },
            { value: 'l', label: 'Large' },
          ]}
          value={size}
          onChange={setSize}
          error={size ? undefined : 'Choose a size.'}
        />
      </Specimen>
    </GallerySection>
  );
}
