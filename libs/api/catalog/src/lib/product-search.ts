import { ErrorCode } from '@kassa/contracts';
import { ApiException } from '@kassa/api/http';

/** Where the next page starts: after (name, id) when listing, or an offset into ranked search results. */
export type ProductCursor = { after: [string, string] } | { offset: number };

export function encodeCursor(cursor: ProductCursor): string {
  return Buffer.from(JSON.stringify(cursor)).toString('base64url');
}

export function decodeCursor(text: string | undefined): ProductCursor | undefined {
  if (text === undefined) return undefined;
  try {
    const cursor = JSON.parse(Buffer.from(text, 'base64url').toString('utf8'));
    const valid =
      (Array.isArray(cursor?.after) && cursor.after.length === 2 && cursor.after.every((part: unknown) => typeof part === 'string')) ||
      (Number.isInteger(cursor?.offset) && cursor.offset >= 0);
    if (valid) return cursor;
  } catch {
    // fall through to the error below
  }
  throw new ApiException(ErrorCode.ValidationFailed, 'The cursor is not one this API gave out.', [
    { field: 'cursor', message: 'cursor must be a nextCursor from a previous page' },
  ]);
}

/**
 * The byte-wise range of lower-cased SKUs that start with `q`: `[from, to)`. A range (unlike LIKE)
 * can use the SKU index under row-level security, because text comparison is leakproof.
 */
export function skuPrefixRange(q: string): [string, string] {
  const from = q.toLowerCase();
  const last = from.codePointAt(from.length - 1) ?? 0;
  const head = from.slice(0, from.length - String.fromCodePoint(last).length);
  return [from, head + String.fromCodePoint(last + 1)];
}
