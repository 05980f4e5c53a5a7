import { parseTags, tagsText } from './customer-tags';

describe('parseTags', () => {
  it('splits on commas, trims, and drops empty tags', () => {
    expect(parseTags(' vip,wholesale , ,regular ')).toEqual(['vip', 'wholesale', 'regular']);
  });

  it('keeps each tag once, in the first spelling typed', () => {
    expect(parseTags('VIP, vip, Vip, local')).toEqual(['VIP', 'local']);
  });

  it('reads back what tagsText writes', () => {
    expect(parseTags(tagsText(['a b', 'c']))).toEqual(['a b', 'c']);
  });
});
