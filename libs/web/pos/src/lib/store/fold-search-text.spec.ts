import { foldSearchText } from './fold-search-text';

describe('foldSearchText', () => {
  it.each([
    ['Grüner Tee', 'gruner tee'],
    ['CRÈME brûlée', 'creme brulee'],
    ['Straße', 'strasse'],
    ['Smørrebrød', 'smorrebrod'],
    ['Łódź', 'lodz'],
    ['Plain SKU-12', 'plain sku-12'],
  ])('folds %s to %s', (text, folded) => {
    expect(foldSearchText(text)).toBe(folded);
  });
});
