import 'reflect-metadata';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import fc from 'fast-check';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { cursorShape, decodeCursor, encodeCursor, PageQueryDto, pageRequest, paginate } from './pagination';

const byName = cursorShape('products', ['text', 'uuid']);
const newestFirst = cursorShape('sales', ['uuid']);
const ranked = cursorShape('product-search', ['integer', 'number', 'text', 'uuid']);

const base64url = (value: unknown) => Buffer.from(typeof value === 'string' ? value : JSON.stringify(value)).toString('base64url');

const refusal = expect.objectContaining({ code: ErrorCode.InvalidCursor, errors: [expect.objectContaining({ field: 'cursor' })] });

describe('cursors', () => {
  it('give back the sort key they were made from', () => {
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 2 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.string(), fc.uuid(), (rank, score, name, id) => {
        fc.pre(!name.includes('\u0000'));
        expect(decodeCursor(encodeCursor(ranked, [rank, score, name, id]), ranked)).toEqual([rank, score, name, id]);
      }),
    );
  });

  it('are base64url of the JSON array of the list name and the key, ending with the id', () => {
    const id = uuidv7();
    expect(JSON.parse(Buffer.from(encodeCursor(byName, ['Bananas', id]), 'base64url').toString())).toEqual(['products', 'Bananas', id]);
  });

  it.each([
    ['text that is not base64url', 'not a cursor!'],
    ['base64url that is not JSON', base64url('{oops')],
    ['JSON that is not an array', base64url({ after: ['Bananas', uuidv7()] })],
    ['a key of the wrong length', base64url(['products', uuidv7()])],
    ['a key part of the wrong type', base64url(['products', 42, uuidv7()])],
    ['an id that is not a UUID', base64url(['products', 'Bananas', 'x'])],
    ['text with a NUL byte', base64url(['products', 'Ban\u0000anas', uuidv7()])],
    ['a cursor of another list with the same key shape', encodeCursor(cursorShape('customers', ['text', 'uuid']), ['Bananas', uuidv7()])],
    ['an old-style offset cursor', base64url({ offset: 50 })],
    ['a bare id (the old format of id lists)', uuidv7()],
    ['a cursor longer than any the API gives out', 'A'.repeat(1_001)],
    ['an empty cursor', ''],
  ])('refuse %s with invalid_cursor naming the field', (_, cursor) => {
    expect(() => decodeCursor(cursor, byName)).toThrow(refusal);
  });

  it('refuse a number beyond what a key part holds', () => {
    expect(() => decodeCursor(base64url(['product-search', 2 ** 53, 0.5, 'x', uuidv7()]), ranked)).toThrow(refusal);
    expect(() => decodeCursor(Buffer.from(`["product-search",1,1e400,"x","${uuidv7()}"]`).toString('base64url'), ranked)).toThrow(refusal);
  });
});

describe('paging', () => {
  interface Row {
    id: string;
    name: string;
  }

  /** What a list query does with a page request: rows after the key, in key order, `fetch` of them. */
  const select = (rows: Row[], cursor: string | undefined, limit: number) => {
    const request = pageRequest({ limit, cursor }, byName);
    const sorted = [...rows].sort((a, b) => (a.name === b.name ? (a.id < b.id ? -1 : 1) : a.name < b.name ? -1 : 1));
    const after = request.after;
    const start = after ? sorted.findIndex((row) => row.name > after[0] || (row.name === after[0] && row.id > after[1])) : 0;
    return paginate(start < 0 ? [] : sorted.slice(start, start + request.fetch), request, (row) => [row.name, row.id]);
  };

  it('sees every row exactly once, whatever the page size and however many names repeat', () => {
    fc.assert(
      fc.property(fc.array(fc.constantFrom('Apples', 'Bananas', 'Cherries'), { maxLength: 30 }), fc.integer({ min: 1, max: 7 }), (names, limit) => {
        const rows = names.map((name) => ({ id: uuidv7(), name }));
        const seen: string[] = [];
        let cursor: string | undefined;
        do {
          const page = select(rows, cursor, limit);
          expect(page.items.length).toBeLessThanOrEqual(limit);
          seen.push(...page.items.map((row) => row.id));
          cursor = page.nextCursor ?? undefined;
        } while (cursor);
        expect(seen.sort()).toEqual(rows.map((row) => row.id).sort());
      }),
    );
  });

  it('answers no next cursor on the last page, even a full one', () => {
    const rows = [
      { id: uuidv7(), name: 'Apples' },
      { id: uuidv7(), name: 'Bananas' },
    ];
    expect(select(rows, undefined, 2)).toEqual({ items: rows, nextCursor: null });
  });

  it('asks for one row more than the page, 50 unless told', () => {
    expect(pageRequest({}, newestFirst)).toMatchObject({ limit: 50, fetch: 51, after: undefined });
    expect(pageRequest({ limit: 2 }, newestFirst)).toMatchObject({ limit: 2, fetch: 3 });
  });
});

describe('PageQueryDto', () => {
  const problemsOf = (query: Record<string, unknown>) => validateSync(plainToInstance(PageQueryDto, query)).map((error) => error.property);

  it('takes a limit from 1 to 200 as query text', () => {
    expect(problemsOf({ limit: '1', cursor: 'abc' })).toEqual([]);
    expect(problemsOf({ limit: '200' })).toEqual([]);
    expect(plainToInstance(PageQueryDto, { limit: '7' }).limit).toBe(7);
  });

  it.each(['0', '201', '1.5', 'ten'])('refuses the limit %s', (limit) => {
    expect(problemsOf({ limit })).toEqual(['limit']);
  });
});
