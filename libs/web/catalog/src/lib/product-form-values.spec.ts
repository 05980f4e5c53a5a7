import type { Product } from './product-requests';
import { barcodeProblem, changesOf, valuesOf } from './product-form-values';

const product: Product = {
  id: '0192f0c4-0000-7000-8000-000000000001',
  sku: 'TEA-01',
  name: 'Assam Breakfast Tea',
  description: null,
  categoryId: null,
  unit: 'piece',
  priceMinor: 495,
  costMinor: null,
  taxRateBps: 700,
  barcodes: ['4000000000017'],
  active: true,
  trackStock: true,
  reorderPoint: null,
  reorderQuantity: null,
  imageUrl: null,
  version: 3,
  createdAt: '2026-11-01T10:00:00.000Z',
  updatedAt: '2026-11-01T10:00:00.000Z',
};

describe('changesOf', () => {
  it('sends only the fields the person changed', () => {
    const values = { ...valuesOf(product), name: 'Assam Tea', priceMinor: 1250 };
    expect(changesOf(values, { name: true, priceMinor: true })).toEqual({ name: 'Assam Tea', priceMinor: 1250 });
  });

  it('turns the tax percent into basis points, barcodes into a list and an empty description into none', () => {
    const values = { ...valuesOf(product), taxRatePercent: 19, barcodes: '4000000000017, 4000000000024  4000000000031', description: '  ' };
    expect(changesOf(values, { taxRatePercent: true, barcodes: true, description: true })).toEqual({
      taxRateBps: 1900,
      barcodes: ['4000000000017', '4000000000024', '4000000000031'],
      description: null,
    });
  });
});

describe('barcodes as they are typed', () => {
  it('takes GTINs with their check digit and in-house codes, and names the GTIN whose check digit is wrong', () => {
    expect(barcodeProblem('4006381333931, 012345678905 TXT-0001 12345')).toBeUndefined();
    expect(barcodeProblem('4006381333931, 4006381333932')).toBe('4006381333932 is not a valid GTIN: its last digit (the check digit) does not match.');
    expect(barcodeProblem('')).toBeUndefined();
  });
});
