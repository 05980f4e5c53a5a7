'use client';
import { useState } from 'react';
import { Combobox, Input, MoneyInput, NumberInput, SearchInput, Select, Textarea, useShopLocale, type ComboboxOption } from '@kassa/web/ui';
import { DEMO_ROWS } from './demo-rows';
import { GallerySection, Specimen, galleryStyles as styles } from './gallery-section';

const STORES = [
  { value: 'harbour', label: 'Harbour Street' },
  { value: 'market', label: 'Market Square' },
  { value: 'station', label: 'Station Kiosk', disabled: true },
];

async function searchDemo(query: string, signal: AbortSignal): Promise<ComboboxOption[]> {
  await new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, 300);
    signal.addEventListener('abort', () => {
      clearTimeout(timer);
      reject(signal.reason);
    });
  });
  const needle = query.toLowerCase();
  const seen = new Set<string>();
  return DEMO_ROWS.filter((row) => row.name.toLowerCase().includes(needle) && !seen.has(row.name) && seen.add(row.name))
    .slice(0, 8)
    .map((row) => ({ value: row.id, label: row.name, description: row.sku }));
}

export function FieldsSection() {
  const { locale, currency } = useShopLocale();
  const [price, setPrice] = useState<number | null>(1250);
  const [quantity, setQuantity] = useState<number | null>(3);
  const [discount, setDiscount] = useState<number | null>(null);
  const [product, setProduct] = useState<ComboboxOption | null>(null);
  const [search, setSearch] = useState('');
  return (
    <GallerySection
      id="fields"
      title="Fields"
      description="Every field has a visible label, its hint and its error are read with it, and it is 44 px tall on tablets."
    >
      <Specimen title="Input">
        <Input label="Product name" placeholder="e.g. Assam tea" />
        <Input label="Email" type="email" defaultValue="ana@corner.shop" hint="Receipts go here." />
      </Specimen>
      <Specimen title="Input · error, required, disabled">
        <Input label="SKU" required defaultValue="not a sku!" error="sku must be 1-64 letters, digits, . _ / or -" />
        <Input label="Shop address" defaultValue="corner-shop" disabled />
      </Specimen>
      <Specimen title="Textarea and SearchInput">
        <Textarea label="Note" rows={2} defaultValue="Fragile: pack separately." />
        <SearchInput label="Search products" hideLabel placeholder="Search products" value={search} onSearch={setSearch} />
      </Specimen>
      <Specimen title={`MoneyInput · ${locale}`}>
        <MoneyInput label="Price" value={price} onChange={setPrice} hint="Type it as the shop writes money." />
        <p className={styles.readout} data-testid="money-minor">
          Minor units: <strong>{price === null ? 'none' : price}</strong> {currency}
        </p>
      </Specimen>
      <Specimen title="MoneyInput · error">
        <MoneyInput label="Cost" value={null} onChange={() => undefined} error="Enter an amount." required />
      </Specimen>
      <Specimen title="NumberInput">
        <NumberInput label="Quantity" value={quantity} onChange={setQuantity} min={0} max={999} unit="pcs" hint="Arrow keys step by one." />
        <NumberInput label="Discount" value={discount} onChange={setDiscount} fractionDigits={2} min={0} max={100} unit="%" placeholder="0" />
      </Specimen>
      <Specimen title="Select">
        <Select label="Store" options={STORES} defaultValue="market" />
        <Select label="Store filter" placeholder="All stores" options={STORES} error="Pick a store." />
      </Specimen>
      <Specimen title="Combobox · async search">
        <Combobox label="Product" value={product} onChange={setProduct} search={searchDemo} placeholder="Type to search" hint="Try “honey”." />
        <p className={styles.readout}>
          Chosen: <strong>{product?.label ?? 'nothing yet'}</strong>
        </p>
      </Specimen>
    </GallerySection>
  );
}
