import { ApiPropertyOptional } from '@nestjs/swagger';
import { isUuid } from '@kassa/contracts';
import { IsInt, IsOptional, IsString, Max, Min } from 'class-validator';
import { invalidCursor } from './http.exception';
import { QueryInteger } from './query-transforms';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;
const MAX_CURSOR_LENGTH = 1_000;

/** `limit` and `cursor`, as every cursor-paged list takes them (DESIGN.md §6). List query DTOs extend it. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page, as given (opaque).' })
  @IsOptional()
  @IsString()
  cursor?: string;
}

/** One part of a list's sort key, as the database compares it. */
export type CursorPart = 'uuid' | 'text' | 'integer' | 'number';
type PartValue<Part extends CursorPart> = Part extends 'integer' | 'number' ? number : string;

/** The values of a sort key of the given parts, in order. */
export type CursorKey<Parts extends readonly CursorPart[]> = { -readonly [Index in keyof Parts]: PartValue<Parts[Index]> };

/**
 * What a list's cursors carry: the list's name, so a cursor of another list is refused, and the
 * parts of its sort key, ending with the row's id so that keys are unique.
 */
export interface CursorShape<Parts extends readonly CursorPart[]> {
  list: string;
  parts: Parts;
}

export const cursorShape = <const Parts extends readonly CursorPart[]>(list: string, parts: Parts): CursorShape<Parts> => ({ list, parts });

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a list query asks the database for: `fetch` rows (one more than the page) after the key `after`. */
export interface PageRequest<Parts extends readonly CursorPart[]> {
  shape: CursorShape<Parts>;
  limit: number;
  fetch: number;
  after: CursorKey<Parts> | undefined;
}

const fitsPart: Record<CursorPart, (value: unknown) => boolean> = {
  uuid: (value) => typeof value === 'string' && isUuid(value),
  // PostgreSQL text cannot hold NUL.
  text: (value) => typeof value === 'string' && !value.includes('\u0000'),
  integer: (value) => Number.isSafeInteger(value),
  number: (value) => typeof value === 'number' && Number.isFinite(value),
};

/** The opaque cursor: base64url of the JSON array of the list's name and the sort key. */
export function encodeCursor<Parts extends readonly CursorPart[]>(shape: CursorShape<Parts>, key: CursorKey<Parts>): string {
  return Buffer.from(JSON.stringify([shape.list, ...key])).toString('base64url');
}

/** The sort key a cursor carries, checked against the list's name and key shape; anything else is 400 `invalid_cursor`. */
export function decodeCursor<Parts extends readonly CursorPart[]>(cursor: string | undefined, shape: CursorShape<Parts>): CursorKey<Parts> | undefined {
  if (cursor === undefined) return undefined;
  if (cursor.length > MAX_CURSOR_LENGTH || !/^[A-Za-z0-9_-]*$/.test(cursor)) throw invalidCursor();
  let decoded: unknown;
  try {
    decoded = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  if (!Array.isArray(decoded) || decoded.length !== shape.parts.length + 1 || decoded[0] !== shape.list) throw invalidCursor();
  const key = decoded.slice(1);
  if (!shape.parts.every((part, index) => fitsPart[part](key[index]))) throw invalidCursor();
  return key as CursorKey<Parts>;
}

/** Reads `limit` and `cursor` for a list whose cursors have `shape`. */
export function pageRequest<Parts extends readonly CursorPart[]>(query: PageQueryDto, shape: CursorShape<Parts>): PageRequest<Parts> {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  return { shape, limit, fetch: limit + 1, after: decodeCursor(query.cursor, shape) };
}

/** Cuts the extra row off and, when there was one, points the next page after the page's last row. */
export function paginate<T, Parts extends readonly CursorPart[]>(
  rows: T[],
  page: Pick<PageRequest<Parts>, 'shape' | 'limit'>,
  keyOf: (row: T) => CursorKey<Parts>,
): Page<T> {
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(page.shape, keyOf(items[items.length - 1])) : null };
}
