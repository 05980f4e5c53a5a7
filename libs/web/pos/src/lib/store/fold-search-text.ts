const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };
const NON_ASCII = /[^\u0000-\u007f]/;

/**
 * Lower case without accents, as the API's search folds names (PostgreSQL's unaccent): "Grüner" → "gruner".
 * Plain ASCII, most of a catalog, skips the Unicode work.
 */
export function foldSearchText(text: string): string {
  const lower = text.toLowerCase();
  if (!NON_ASCII.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđþ]/g, (letter) => LETTERS[letter]);
}
