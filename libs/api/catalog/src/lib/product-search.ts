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
  throw new ApiException(400, ErrorCode.ValidationFailed, 'The cursor is not one this API gave out.', [
    { field: 'cursor', message: 'cursor must be a nextCursor from a previous page' },
  ]);
}

/** `q` as a LIKE prefix pattern that matches it literally. */
export function likePrefix(q: string): string {
  return `${q.toLowerCase().replace(/[\\%_]/g, (char) => `\\${char}`)}%`;
}
