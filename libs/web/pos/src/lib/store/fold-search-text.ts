const LETTERS: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', ł: 'l', đ: 'd', þ: 'th' };

/**
 * Lower case without accents, as the API's search folds names (PostgreSQL's unaccent): "Grüner" → "gruner".
 * Printable ASCII, most of a catalog, skips the Unicode work.
 */
export function foldSearchText(text: string): string {
  const lower = text.toLowerCase();
  if (/^[ -~]*$/.test(lower)) return lower;
  return lower
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[ßæœøłđþ]/g, (letter) => LETTERS[letter]);
}
