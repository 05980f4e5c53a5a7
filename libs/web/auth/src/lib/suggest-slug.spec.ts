import { suggestSlug, suggestStoreCode } from './suggest-slug';

describe('suggestSlug', () => {
  it('turns a shop name into a valid shop address', () => {
    expect(suggestSlug('  Café Müller & Söhne! ')).toBe('cafe-muller-sohne');
    expect(suggestSlug('Corner Shop 24')).toBe('corner-shop-24');
  });
});

describe('suggestStoreCode', () => {
  it('turns a store name into a code the API takes', () => {
    expect(suggestStoreCode('Main Street')).toBe('MAIN-STREET');
    expect(suggestStoreCode('Café am Markt, Berlin-Mitte 2')).toMatch(/^[A-Z0-9][A-Z0-9_-]{0,31}$/);
    expect(suggestStoreCode('!!!')).toBe('');
  });
});
