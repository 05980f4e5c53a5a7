import { isoTime } from '@kassa/api/database';
import type { ProductDto } from './dto/product.dto';
import { exactTime } from './catalog-deltas';
import { gtin14Forms, skuPrefixRange } from './product-search';

/** A statement and its parameters, run as is by the service and by tools/bench (same SQL both ways). */
export interface ProductQuery {
  sql: string;
  parameters: unknown[];
}

export interface ProductFilters {
  categoryId?: string;
  active?: boolean;
}

export const PRODUCT_COLUMNS = `p.id, p.sku, p.name, p.description, p.category_id AS "categoryId", p.unit,
  p.price_minor AS "priceMinor", p.cost_minor AS "costMinor", p.tax_rate_bps AS "taxRateBps",
  coalesce((SELECT array_agg(b.code ORDER BY b.code) FROM product_barcode b
             WHERE b.tenant_id = p.tenant_id AND b.product_id = p.id), '{}') AS barcodes,
  p.active, p.track_stock AS "trackStock", p.reorder_point AS "reorderPoint", p.reorder_quantity AS "reorderQuantity",
  p.image_url AS "imageUrl", p.version, ${isoTime('p.created_at')} AS "createdAt", ${isoTime('p.updated_at')} AS "updatedAt"`;

/**
 * The fields of a product as `PRODUCT_COLUMNS` answers them, in SQL, for events and audit rows built from the rows a
 * statement writes (decision 0045): `p` a product row (of the table or of a `RETURNING`), `barcodes` a text[] expression
 * of its codes in order.
 */
export function productFieldsSql(p: string, barcodes: string): [name: string, value: string][] {
  return [
    ['id', `${p}.id`],
    ['sku', `${p}.sku`],
    ['name', `${p}.name`],
    ['description', `${p}.description`],
    ['categoryId', `${p}.category_id`],
    ['unit', `${p}.unit`],
    ['priceMinor', `${p}.price_minor`],
    ['costMinor', `${p}.cost_minor`],
    ['taxRateBps', `${p}.tax_rate_bps`],
    ['barcodes', `coalesce(${barcodes}, '{}'::text[])`],
    ['active', `${p}.active`],
    ['trackStock', `${p}.track_stock`],
    ['reorderPoint', `${p}.reorder_point`],
    ['reorderQuantity', `${p}.reorder_quantity`],
    ['imageUrl', `${p}.image_url`],
    ['version', `${p}.version`],
    ['createdAt', isoTime(`${p}.created_at`)],
    ['updatedAt', isoTime(`${p}.updated_at`)],
  ];
}

/** `productFieldsSql` as columns named `<prefix><field>`, to compute once per row and read as `productFieldsOf`. */
export function productFieldColumnsSql(p: string, barcodes: string, prefix = ''): string {
  return productFieldsSql(p, barcodes)
    .map(([name, value]) => `${value} AS "${prefix}${name}"`)
    .join(', ');
}

/** The fields of a row of `productFieldColumnsSql` columns. */
export function productFieldsOf(row: string, prefix = ''): [name: string, value: string][] {
  return productFieldsSql('p', 'b').map(([name]) => [name, `${row}."${prefix}${name}"`]);
}

/** The product as `PRODUCT_COLUMNS` answers it, as one jsonb value, of its fields (`productFieldsOf`). */
export function productImageSql(fields: [name: string, value: string][]): string {
  return `jsonb_build_object(${fields.map(([name, value]) => `'${name}', ${value}`).join(', ')})`;
}

const FILTER_SQL = `($1::uuid IS NULL OR p.category_id = $1) AND ($2::boolean IS NULL OR p.active = $2)`;
const filterParameters = (filters: ProductFilters) => [filters.categoryId ?? null, filters.active ?? null];

/**
 * The product with this barcode, compared as GTIN-14 (UPC-A `012345678905` = EAN-13 `0012345678905`): the code's
 * written forms looked up on the barcode key (see `gtin14Forms`). The unique index `(tenant_id, gtin14(code))`
 * keeps it to one product.
 */
export function productByBarcodeQuery(code: string): ProductQuery {
  return {
    sql: `SELECT ${PRODUCT_COLUMNS} FROM product_barcode b JOIN product p ON p.tenant_id = b.tenant_id AND p.id = b.product_id
           WHERE b.code = ANY ($1::text[]) AND p.deleted_at IS NULL`,
    parameters: [gtin14Forms(code)],
  };
}

/** The orders a product list can be read in (`-` for descending); each has an index that ends with the id. */
export const PRODUCT_SORTS = ['name', '-name', 'sku', '-sku', 'price', '-price'] as const;
export type ProductSort = (typeof PRODUCT_SORTS)[number];

const SORT_COLUMNS: Record<string, string> = { name: 'p.name', sku: 'p.sku', price: 'p.price_minor' };

/** Products in `sort` order (by name unless asked), after the (key, id) of the previous page. */
export function productListQuery(filters: ProductFilters, limit: number, after?: [string | number, string], sort: ProductSort = 'name'): ProductQuery {
  const descending = sort.startsWith('-');
  const column = SORT_COLUMNS[sort.replace('-', '')];
  const direction = descending ? 'DESC' : 'ASC';
  // The key's type comes from the column (text or bigint), so one parameter serves every sort.
  return {
    sql: `SELECT ${PRODUCT_COLUMNS} FROM product p
           WHERE p.deleted_at IS NULL AND ${FILTER_SQL}
             AND ($3::text IS NULL OR (${column}, p.id) ${descending ? '<' : '>'} ($3::text::${column === 'p.price_minor' ? 'bigint' : 'text'}, $4::uuid))
           ORDER BY ${column} ${direction}, p.id ${direction} LIMIT $5`,
    parameters: [...filterParameters(filters), after === undefined ? null : String(after[0]), after?.[1] ?? null, limit],
  };
}

/** These products (not deleted, within the filters), by name: a page another domain chose, such as a stock state's. */
export function productsByIdQuery(filters: ProductFilters, ids: readonly string[]): ProductQuery {
  return {
    sql: `SELECT ${PRODUCT_COLUMNS} FROM product p WHERE p.deleted_at IS NULL AND ${FILTER_SQL} AND p.id = ANY($3::uuid[]) ORDER BY p.name, p.id`,
    parameters: [...filterParameters(filters), ids],
  };
}

/** Where a product stands in search results: match class (0 exact, 1 SKU prefix, 2 name), similarity, name, id. */
export type SearchRank = [matchClass: number, score: number, name: string, id: string];

/** A product found by search, with its rank (`searchClass`, `searchScore`) for the next page's cursor. */
export type RankedProductRow = ProductDto & { searchClass: number; searchScore: number };

/**
 * Exact barcode (as GTIN-14) or SKU first, then SKU prefixes, then names by trigram word similarity, accents and
 * case folded (`<%` on `name_key`, so "banan" finds "Organic Bananas" and "gruner" "Grüner Tee").
 *
 * Names are read nearest first from the GiST trigram index (`<<->`, word distance = 1 − word similarity), which
 * stops after the page instead of ranking every match; `WITH TIES` keeps every name as near as the page's last, so
 * the page is the first `limit` rows in the order (class, score, name, id) whatever the index's order within a tie.
 * Names already found by barcode or SKU are left to those arms, so the arms never overlap and the name arm always
 * supplies enough rows. Ids, classes and names are ranked first; only the page's rows are read whole.
 * The order is total (it ends with the id), so pages continue after the rank of the previous page's last row.
 *
 * Every name of a tie group is rechecked by PostgreSQL (word distance is inexact in the index) and the distance is
 * computed once more for the page: the score is therefore `1 − distance` from that one column rather than a
 * `word_similarity` call of its own (docs/decisions/0046). Above the 0.6 threshold both subtractions are exact
 * (d = 1 − s is exact in `real` for s ≥ 0.5, and so is 1 − d), so the score, read as double precision so that it
 * survives the trip through the cursor, equals word_similarity, and the cursor's `(1 − score)::real` the row's distance.
 */
export function productSearchQuery(q: string, filters: ProductFilters, limit: number, after?: SearchRank): ProductQuery {
  const [skuFrom, skuTo] = skuPrefixRange(q);
  return {
    sql: `WITH exact AS MATERIALIZED (
            SELECT b.product_id AS id, 0 AS class FROM product_barcode b WHERE b.code = ANY ($11::text[])
            UNION ALL
            SELECT p.id, CASE WHEN p.sku_key = lower($3) THEN 0 ELSE 1 END
              FROM product p WHERE p.deleted_at IS NULL AND p.sku_key COLLATE "C" >= $4 AND p.sku_key COLLATE "C" < $5
          ), named AS (
            SELECT p.id, fold_search_text($3) <<-> p.name_key AS distance, p.name FROM product p
             WHERE p.deleted_at IS NULL AND fold_search_text($3) <% p.name_key AND ${FILTER_SQL}
               AND p.id <> ALL (ARRAY(SELECT id FROM exact))
               AND ($6::bigint IS NULL OR $6 < 2
                    OR (fold_search_text($3) <<-> p.name_key, p.name, p.id) > ((1 - $7::float8)::real, $8::text, $9::uuid))
             ORDER BY distance FETCH FIRST $10 ROWS WITH TIES
          ), page AS MATERIALIZED (
            SELECT id, class, score, name FROM (
              SELECT p.id, min(e.class) AS class, 1::float8 AS score, p.name
                FROM exact e JOIN product p ON p.id = e.id
               WHERE p.deleted_at IS NULL AND ${FILTER_SQL}
               GROUP BY p.id, p.name
              UNION ALL
              SELECT id, 2, 1::float8 - distance, name FROM named
            ) candidates
             WHERE $6::bigint IS NULL OR (class, -score, name, id) > ($6, -$7::float8, $8::text, $9::uuid)
             ORDER BY class, score DESC, name, id LIMIT $10
          )
          SELECT ${PRODUCT_COLUMNS}, r.class AS "searchClass", r.score AS "searchScore"
            FROM page r JOIN product p ON p.id = r.id
           ORDER BY r.class, r.score DESC, r.name, r.id`,
    parameters: [...filterParameters(filters), q, skuFrom, skuTo, ...(after ?? [null, null, null, null]), limit, gtin14Forms(q)],
  };
}

/** A product changed since a delta's start, deleted ones included (`deletedAt`), with its exact `updated_at` for the cursor. */
export type ProductChangeRow = ProductDto & { deletedAt: string | null; changedAt: string };

/** Products changed at or after `since` (a delta), by (updated_at, id), after the previous page's key. */
export function productChangesQuery(
  filters: ProductFilters,
  since: string,
  includeDeleted: boolean,
  limit: number,
  after?: [changedAt: string, id: string],
): ProductQuery {
  return {
    sql: `SELECT ${PRODUCT_COLUMNS}, CASE WHEN p.deleted_at IS NULL THEN NULL ELSE ${isoTime('p.deleted_at')} END AS "deletedAt",
                 ${exactTime('p.updated_at')} AS "changedAt"
            FROM product p
           WHERE p.updated_at >= $3::timestamptz AND ($4::boolean OR p.deleted_at IS NULL) AND ${FILTER_SQL}
             AND ($5::timestamptz IS NULL OR (p.updated_at, p.id) > ($5, $6::uuid))
           ORDER BY p.updated_at, p.id LIMIT $7`,
    parameters: [...filterParameters(filters), since, includeDeleted, after?.[0] ?? null, after?.[1] ?? null, limit],
  };
}
