import { localeOptions } from './locale-options';

describe('localeOptions', () => {
  it('names each locale in its own language with an amount as it writes money', () => {
    const german = localeOptions('de-DE', 'EUR').find((option) => option.value === 'de-DE');
    expect(german?.label).toBe('Deutsch (Deutschland) · 1.234,56\u00a0€');
  });

  it("keeps the shop's own locale on offer when it is not among the usual ones", () => {
    expect(localeOptions('hu-HU', 'HUF')[0].value).toBe('hu-HU');
    expect(localeOptions('de-DE', 'EUR').filter((option) => option.value === 'de-DE')).toHaveLength(1);
  });
});
