import { suggestSlug } from './suggest-slug';

describe('suggestSlug', () => {
  it('turns a shop name into a valid shop address', () => {
    expect(suggestSlug('  Café Müller & Söhne! ')).toBe('cafe-muller-sohne');
    expect(suggestSlug('Corner Shop 24')).toBe('corner-shop-24');
  });
});
