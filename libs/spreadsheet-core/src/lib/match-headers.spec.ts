import { COUNT_FIELDS, PRODUCT_FIELDS } from './import-schema';
import { matchHeaders, normalizeHeader } from './match-headers';

const names = (headers: string[], mapping?: Record<string, string | null>) => matchHeaders(headers, PRODUCT_FIELDS, mapping).fields.map((field) => field?.name);

describe('matchHeaders', () => {
  it('ignores case, spaces, punctuation and accents', () => {
    expect(normalizeHeader(' Prix de Vente ')).toBe(normalizeHeader('prix-de-vente'));
    expect(normalizeHeader('Référence')).toBe('reference');
  });

  it.each(['Preis', 'Price', 'Prix', 'Precio', 'Prijs', 'Prezzo'])('maps %s to the price', (header) => {
    expect(names([header])).toEqual(['priceMinor']);
  });

  it.each(['Artikelnummer', 'SKU', 'Référence'])('maps %s to the SKU', (header) => {
    expect(names([header])).toEqual(['sku']);
  });

  it.each(['EAN', 'GTIN', 'Barcode', 'Strichcode'])('maps %s to the barcodes', (header) => {
    expect(names([header])).toEqual(['barcodes']);
  });

  it('lets an explicit mapping override a synonym or ignore a column, and lists unknown columns', () => {
    const result = matchHeaders(['Code', 'Preis', 'Name', 'Supplier'], PRODUCT_FIELDS, { Code: 'sku', Name: null });
    expect(result.fields.map((field) => field?.name)).toEqual(['sku', 'priceMinor', undefined, undefined]);
    expect(result.unknownColumns).toEqual(['Supplier']);
  });

  it('refuses a mapping to a field the import does not know, or from a column the file does not have', () => {
    expect(() => matchHeaders(['Code'], COUNT_FIELDS, { Code: 'priceMinor' })).toThrow(expect.objectContaining({ reason: 'mapping_invalid' }));
    expect(() => matchHeaders(['Code'], COUNT_FIELDS, { Missing: 'sku' })).toThrow(
      expect.objectContaining({ reason: 'mapping_invalid', message: 'mapping: the file has no column Missing' }),
    );
  });

  it('refuses two columns feeding one field rather than guessing', () => {
    expect(() => matchHeaders(['Preis', 'Price'], PRODUCT_FIELDS)).toThrow(expect.objectContaining({ reason: 'mapping_invalid' }));
  });
});

describe('matchHeaders on machine headers', () => {
  it("reads a money field's own name (priceMinor, as the CSV export writes it) as minor units", () => {
    expect(matchHeaders(['priceMinor', 'Cost'], PRODUCT_FIELDS).fields).toEqual([
      { name: 'priceMinor', type: 'integer' },
      { name: 'costMinor', type: 'money' },
    ]);
  });

  it("reads an export's date column whose header names the time zone as that column", () => {
    expect(names(['SKU', 'Updated (Europe/Berlin)', 'Price (net)'])).toEqual(['sku', 'updatedAt', 'priceMinor']);
  });
});
