import { ApiPropertyOptional } from '@nestjs/swagger';
import { ErrorCode, isUuid } from '@kassa/contracts';
import { IsInt, IsOptional, IsString, Max, MaxLength, Min } from 'class-validator';
import { ApiException } from './api.exception';
import { QueryInteger } from './query-transforms';

export const DEFAULT_PAGE_SIZE = 50;
export const MAX_PAGE_SIZE = 200;

/** `limit` and `cursor`, as every cursor-paged list takes them (DESIGN.md §6). List query DTOs extend it. */
export class PageQueryDto {
  @ApiPropertyOptional({ minimum: 1, maximum: MAX_PAGE_SIZE, default: DEFAULT_PAGE_SIZE })
  @IsOptional()
  @QueryInteger()
  @IsInt()
  @Min(1)
  @Max(MAX_PAGE_SIZE)
  limit?: number;

  @ApiPropertyOptional({ description: 'The `nextCursor` of the previous page, as given.' })
  @IsOptional()
  @IsString()
  @MaxLength(1_000)
  cursor?: string;
}

/** One part of a list's sort key. The last part is always the row's id, so keys are unique. */
export type CursorPart = 'uuid' | 'text' | 'integer' | 'number';
export type CursorKey = readonly (string | number)[];

export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

/** What a list query asks the database for: `fetch` rows (one more than the page) after `after`. */
export interface PageRequest {
  limit: number;
  fetch: number;
  after: CursorKey | undefined;
}

const fitsPart: Record<CursorPart, (value: unknown) => boolean> = {
  uuid: (value) => typeof value === 'string' && isUuid(value),
  text: (value) => typeof value === 'string',
  integer: (value) => Number.isSafeInteger(value),
  number: (value) => typeof value === 'number' && Number.isFinite(value),
};

export const invalidCursor = () =>
  new ApiException(ErrorCode.InvalidCursor, 'The cursor is not one this list gave out.', [
    { field: 'cursor', message: 'cursor must be a nextCursor from a previous page of the same list' },
  ]);

/** The opaque cursor: base64url of the JSON array of the last row's sort key. */
export const encodeCursor = (key: CursorKey): string => Buffer.from(JSON.stringify(key)).toString('base64url');

/** The sort key a cursor carries, checked against the list's key shape; anything else is 400 `invalid_cursor`. */
export function decodeCursor(cursor: string | undefined, shape: readonly CursorPart[]): CursorKey | undefined {
  if (cursor === undefined) return undefined;
  let key: unknown;
  try {
    key = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalidCursor();
  }
  const fits = Array.isArray(key) && key.length === shape.length && shape.every((part, index) => fitsPart[part](key[index]));
  if (!fits) throw invalidCursor();
  return key as CursorKey;
}

/** Reads `limit` and `cursor` for a list sorted by a key of `shape`. */
export function pageRequest(query: PageQueryDto, shape: readonly CursorPart[]): PageRequest {
  const limit = query.limit ?? DEFAULT_PAGE_SIZE;
  return { limit, fetch: limit + 1, after: decodeCursor(query.cursor, shape) };
}

/** Cuts the extra row off and, when there was one, points the next page after the page's last row. */
export function paginate<T>(rows: T[], page: Pick<PageRequest, 'limit'>, keyOf: (row: T) => CursorKey): Page<T> {
  const items = rows.slice(0, page.limit);
  return { items, nextCursor: rows.length > page.limit ? encodeCursor(keyOf(items[items.length - 1])) : null };
}
