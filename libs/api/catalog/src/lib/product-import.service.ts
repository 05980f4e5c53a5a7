import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf, fieldChangesSql } from '@kassa/api/audit';
import { DomainEvents } from '@kassa/api/events';
import { compileDtoCheck, fieldErrorsOf, RequestContext, undeclaredNulls } from '@kassa/api/http';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { ImportMappingsService, TenantsService } from '@kassa/api/tenancy';
import { CreateProductDto, ImportErrorDto, ImportQueryDto, ImportResultDto, ProductDto, ProductImportDto } from './dto/product.dto';
import { PRODUCT_COLUMNS, productFieldColumnsSql, productFieldsOf, productImageSql } from './product-queries';
import { CategoriesService } from './categories.service';
import { ProductsService } from './products.service';
import { CATEGORY_PATH_SEPARATOR } from './product-export';
import { changesNothing } from './product-changes';
import { gtin14Forms } from './product-search';
import { isBarcodeTaken } from './products.service';
import { barcodesTaken } from './catalog.exception';
import { gtin14 } from '@kassa/spreadsheet-core';
import { fileImportSource, importInvalid, ImportSource, importTooLarge, jsonImportSource, SpreadsheetUpload } from '@kassa/api/spreadsheets';

export const MAX_IMPORT_ROWS = 50_000;

/** Most rows of an import are valid: they pass here without class-validator's cost per row (which words the errors of the others). */
const isValidProduct = compileDtoCheck(CreateProductDto);

interface ValidRow {
  index: number;
  product: CreateProductDto;
}

/**
 * Upserts products by SKU from spreadsheet rows: every row is checked first and nothing is
 * written unless all pass (one transaction). Writes are multi-row statements, with one event and
 * one audit row per product, and the import itself audited.
 */
@Injectable()
export class ProductImportService {
  constructor(
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
    private readonly tenants: TenantsService,
    private readonly mappings: ImportMappingsService,
    private readonly categories: CategoriesService,
    private readonly products: ProductsService,
  ) {}

  /** Rows posted as JSON, or a spreadsheet file read in the shop's locale. */
  async import(context: RequestContext, body: ProductImportDto | SpreadsheetUpload, query: ImportQueryDto): Promise<ImportResultDto> {
    const source =
      body instanceof SpreadsheetUpload
        ? await fileImportSource(body, 'products', await this.tenants.current(context), {
            mapping: query.mapping,
            remembered: await this.mappings.remembered(context, 'products'),
          })
        : jsonImportSource(body.rows);
    return this.importRows(context, source, query.dryRun ?? false);
  }

  private async importRows(context: RequestContext, source: ImportSource, dryRun: boolean): Promise<ImportResultDto> {
    const { rows } = source;
    if (rows.length > MAX_IMPORT_ROWS) {
      throw importTooLarge(MAX_IMPORT_ROWS, rows.length);
    }
    const errors: ImportErrorDto[] = [];
    const valid: ValidRow[] = [];
    const unreadable = fieldsByRow(source.problems);
    const categoryIds = rows.some((row) => row['category'] !== undefined) ? await this.categories.idsByPath(context) : new Map<string, string>();
    rows.forEach((row, index) => {
      const { category, ...fields } = row;
      if (category !== undefined) {
        const categoryId = typeof category === 'string' ? categoryIds.get(categoryPathKey(category)) : undefined;
        if (!categoryId) {
          errors.push({ row: index + 1, field: 'category', message: `${String(category)} is not a category of this shop` });
          return;
        }
        fields['categoryId'] ??= categoryId;
      }
      // A cell that could not be read is reported as such, not again as a missing value.
      const cellProblems = unreadable.get(index + 1) ?? [];
      if (cellProblems.length === 0 && isValidProduct(fields)) {
        valid.push({ index, product: fields });
        return;
      }
      const product = plainToInstance(CreateProductDto, fields);
      // The same rules as POST /products, null included, so a dry run finds what the commit would refuse.
      const invalid = fieldErrorsOf(validateSync(product, { whitelist: true, forbidNonWhitelisted: true }));
      const problems = [...invalid, ...undeclaredNulls(product, invalid)].filter((problem) => !cellProblems.some((cell) => cell.field === problem.field));
      errors.push(...cellProblems, ...problems.map((error) => ({ row: index + 1, ...error })));
      if (problems.length === 0 && cellProblems.length === 0) valid.push({ index, product });
    });
    errors.push(...this.duplicatesWithin(valid));
    const existing = await this.existingBySku(
      context,
      valid.map(({ product }) => product.sku),
    );
    errors.push(...(await this.referenceProblems(context, valid, existing)));
    errors.sort((a, b) => a.row - b.row);

    // A row with a problem is neither created nor updated, in a dry run as in the commit it blocks.
    const rowsWithErrors = new Set(errors.map((error) => error.row));
    const clean = valid.filter(({ index }) => !rowsWithErrors.has(index + 1));
    const created = clean.filter(({ product }) => !existing.has(product.sku)).length;
    // A row that says what is stored already writes nothing: no version, event or audit row.
    const changed = clean.filter(({ product }) => {
      const stored = existing.get(product.sku);
      return !stored || !changesNothing(product, stored);
    });
    const unchanged = clean.length - changed.length;
    const withLines = (problems: ImportErrorDto[]) =>
      source.lines ? problems.map((problem) => ({ ...problem, line: source.lines?.[problem.row - 1] })) : problems;
    const result = {
      created,
      updated: changed.length - created,
      unchanged,
      errors: withLines(errors),
      notes: withLines(source.notes),
      unknownColumns: source.unknownColumns,
    };
    if (dryRun) return result;
    if (errors.length > 0) {
      throw importInvalid(result.errors, 'nothing was imported');
    }
    await this.write(context, changed, existing, rows.length);
    await this.products.invalidate(context);
    return result;
  }

  private duplicatesWithin(rows: ValidRow[]): ImportErrorDto[] {
    const errors: ImportErrorDto[] = [];
    const skus = new Map<string, number>();
    const barcodes = new Map<string, number>();
    for (const { index, product } of rows) {
      const firstSku = skus.get(product.sku.toLowerCase());
      if (firstSku !== undefined) errors.push({ row: index + 1, field: 'sku', message: `sku ${product.sku} is also on row ${firstSku + 1}` });
      else skus.set(product.sku.toLowerCase(), index);
      for (const code of product.barcodes ?? []) {
        const first = barcodes.get(gtin14(code));
        if (first !== undefined) errors.push({ row: index + 1, field: 'barcodes', message: `barcode ${code} is also on row ${first + 1}` });
        else barcodes.set(gtin14(code), index);
      }
    }
    return errors;
  }

  private async existingBySku(context: RequestContext, skus: string[]): Promise<Map<string, ProductDto>> {
    const rows: ProductDto[] = await context.manager.query(`SELECT ${PRODUCT_COLUMNS} FROM product p WHERE p.deleted_at IS NULL AND p.sku = ANY($1)`, [skus]);
    return new Map(rows.map((row) => [row.sku, row]));
  }

  /** Barcodes held by other products of the shop, and categories it does not have. */
  private async referenceProblems(context: RequestContext, rows: ValidRow[], existing: Map<string, { id: string }>): Promise<ImportErrorDto[]> {
    const codes = rows.flatMap(({ product }) => product.barcodes ?? []);
    const holders: { code: string; productId: string }[] = await context.manager.query(
      `SELECT code, product_id AS "productId" FROM product_barcode WHERE code = ANY($1)`,
      [codes.flatMap(gtin14Forms)],
    );
    const holderOf = new Map(holders.map((holder) => [gtin14(holder.code), holder.productId]));
    const categoryIds = [...new Set(rows.flatMap(({ product }) => (product.categoryId ? [product.categoryId] : [])))];
    const categories: { id: string }[] = await context.manager.query(`SELECT id FROM category WHERE id = ANY($1)`, [categoryIds]);
    const knownCategories = new Set(categories.map((category) => category.id));
    const errors: ImportErrorDto[] = [];
    for (const { index, product } of rows) {
      const ownId = existing.get(product.sku)?.id;
      for (const code of product.barcodes ?? []) {
        const holder = holderOf.get(gtin14(code));
        if (holder && holder !== ownId) errors.push({ row: index + 1, field: 'barcodes', message: `barcode ${code} belongs to another product` });
      }
      if (product.categoryId && !knownCategories.has(product.categoryId)) {
        errors.push({ row: index + 1, field: 'categoryId', message: 'not a category of this shop' });
      }
    }
    return errors;
  }

  /**
   * Writes the products, and their events and audit rows built in SQL from the rows written (decision 0045): nothing
   * is read back or shipped twice. Created and updated products take one statement each, then their barcodes.
   */
  private async write(context: RequestContext, rows: ValidRow[], existing: Map<string, { id: string }>, rowCount: number): Promise<void> {
    const creates = rows.filter(({ product }) => !existing.has(product.sku)).map(({ product }) => ({ id: uuidv7(), product }));
    const updates = rows.filter(({ product }) => existing.has(product.sku)).map(({ product }) => ({ id: existing.get(product.sku)!.id, product }));
    const scope = auditScopeOf(context);
    const parameters = (items: Written[]) => [
      context.tenantId,
      items.map(({ id }) => id),
      items.map(({ product }) => product.sku),
      items.map(({ product }) => product.name),
      items.map(({ product }) => product.description ?? null),
      items.map(({ product }) => product.categoryId ?? null),
      items.map(({ product }) => product.unit ?? null),
      items.map(({ product }) => product.priceMinor),
      items.map(({ product }) => product.costMinor ?? null),
      items.map(({ product }) => product.taxRateBps ?? null),
      items.map(({ product }) => product.active ?? null),
      items.map(({ product }) => product.trackStock ?? null),
      items.map(({ product }) => product.reorderPoint ?? null),
      items.map(({ product }) => product.reorderQuantity ?? null),
      items.map(({ product }) => product.imageUrl ?? null),
      items.map(({ product }) => product.barcodes !== undefined),
      items.flatMap(({ id, product }) => (product.barcodes ?? []).map(() => id)),
      items.flatMap(({ product }) => product.barcodes ?? []),
    ];
    const inputs = `u AS (SELECT * FROM unnest($2::uuid[], $3::text[], $4::text[], $5::text[], $6::uuid[], $7::text[], $8::bigint[], $9::bigint[],
                                              $10::int[], $11::boolean[], $12::boolean[], $13::int[], $14::int[], $15::text[], $16::boolean[])
                      AS u (id, sku, name, description, category_id, unit, price_minor, cost_minor, tax_rate_bps, active, track_stock,
                            reorder_point, reorder_quantity, image_url, barcodes_given)),
            codes AS (SELECT b.product_id, array_agg(b.code ORDER BY b.code) AS codes FROM unnest($17::uuid[], $18::text[]) AS b (product_id, code)
                       GROUP BY b.product_id)`;
    /** `changed` (one row per product: the event's columns and the audit row's) recorded. */
    const recorded = (first: number) => {
      const events = this.events.insertFrom(context, `changed`, first);
      const audit = this.audit.insertFrom(scope, `changed`, first + events.parameters.length);
      return { sql: `events AS (${events.sql}) ${audit.sql}`, parameters: [...events.parameters, ...audit.parameters] };
    };
    if (creates.length > 0) {
      const record = recorded(19);
      await context.manager.query(
        `WITH ${inputs},
              written AS (
                INSERT INTO product (tenant_id, id, sku, name, description, category_id, unit, price_minor, cost_minor, tax_rate_bps,
                                     active, track_stock, reorder_point, reorder_quantity, image_url)
                SELECT $1, u.id, u.sku, u.name, u.description, u.category_id, coalesce(u.unit, 'piece'), u.price_minor, u.cost_minor,
                       coalesce(u.tax_rate_bps, 0), coalesce(u.active, true), coalesce(u.track_stock, true), u.reorder_point,
                       u.reorder_quantity, u.image_url
                  FROM u
                RETURNING *),
              changed AS (
                SELECT 'product.created'::text AS type, 'product'::text AS aggregate_type, f."id" AS aggregate_id, f."version" AS aggregate_version,
                       ${productImageSql(productFieldsOf('f'))} AS data, 'create'::text AS action, 'product'::text AS entity_type,
                       f."id"::text AS entity_id, ${fieldChangesSql(productFieldsOf('f').map(([name, value]) => [name, null, value]))} AS changes
                  -- Each field computed once (OFFSET 0 keeps the planner from copying its expression into both uses).
                  FROM (SELECT ${productFieldColumnsSql('w', 'c.codes')} FROM written w LEFT JOIN codes c ON c.product_id = w.id OFFSET 0) f),
              ${record.sql}`,
        [...parameters(creates), ...record.parameters],
      );
    }
    if (updates.length > 0) {
      const record = recorded(19);
      // A row's missing optional fields keep their stored values; `stored` reads them as they were before this statement.
      await context.manager.query(
        `WITH ${inputs},
              stored AS (
                SELECT p.*, s.codes
                  FROM product p JOIN u ON p.tenant_id = $1 AND p.id = u.id
                 CROSS JOIN LATERAL (SELECT array_agg(b.code ORDER BY b.code) AS codes FROM product_barcode b
                                      WHERE b.tenant_id = p.tenant_id AND b.product_id = p.id) s),
              written AS (
                UPDATE product p SET name = u.name, description = coalesce(u.description, p.description),
                       category_id = coalesce(u.category_id, p.category_id), unit = coalesce(u.unit, p.unit), price_minor = u.price_minor,
                       cost_minor = coalesce(u.cost_minor, p.cost_minor), tax_rate_bps = coalesce(u.tax_rate_bps, p.tax_rate_bps),
                       active = coalesce(u.active, p.active), track_stock = coalesce(u.track_stock, p.track_stock),
                       reorder_point = coalesce(u.reorder_point, p.reorder_point), reorder_quantity = coalesce(u.reorder_quantity, p.reorder_quantity),
                       image_url = coalesce(u.image_url, p.image_url), version = p.version + 1, updated_at = now()
                  FROM u
                 WHERE p.tenant_id = $1 AND p.id = u.id
                RETURNING p.*, u.barcodes_given),
              changed AS (
                SELECT 'product.updated'::text AS type, 'product'::text AS aggregate_type, f."id" AS aggregate_id, f."version" AS aggregate_version,
                       ${productImageSql(productFieldsOf('f'))} AS data, 'update'::text AS action, 'product'::text AS entity_type, f."id"::text AS entity_id,
                       ${fieldChangesSql(productFieldsOf('f', 'was_').map(([name, value], index) => [name, value, productFieldsOf('f')[index][1]]))} AS changes
                  FROM (SELECT ${productFieldColumnsSql('w', 'CASE WHEN w.barcodes_given THEN c.codes ELSE s.codes END')},
                               ${productFieldColumnsSql('s', 's.codes', 'was_')}
                          FROM written w JOIN stored s ON s.id = w.id LEFT JOIN codes c ON c.product_id = w.id OFFSET 0) f),
              ${record.sql}`,
        [...parameters(updates), ...record.parameters],
      );
    }
    const withBarcodes = [...creates, ...updates].filter(({ product }) => product.barcodes !== undefined);
    // Only updated products can hold barcodes already (a created one's id is new).
    const replaced = updates.filter(({ product }) => product.barcodes !== undefined).map(({ id }) => id);
    if (replaced.length > 0) await context.manager.query(`DELETE FROM product_barcode WHERE product_id = ANY($1)`, [replaced]);
    const codes = withBarcodes.flatMap(({ product }) => product.barcodes ?? []);
    await context.manager
      .query(`INSERT INTO product_barcode (tenant_id, product_id, code) SELECT $1, * FROM unnest($2::uuid[], $3::text[])`, [
        context.tenantId,
        withBarcodes.flatMap(({ id, product }) => (product.barcodes ?? []).map(() => id)),
        codes,
      ])
      .catch((error: unknown) => {
        // Another request took one of these barcodes since the check above.
        throw isBarcodeTaken(error) ? barcodesTaken(codes) : error;
      });
    await this.audit.record(scope, {
      action: 'import',
      entityType: 'product',
      metadata: { rows: rowCount, created: creates.length, updated: updates.length },
    });
  }
}

interface Written {
  id: string;
  product: CreateProductDto;
}

function fieldsByRow(problems: readonly ImportErrorDto[]): Map<number, ImportErrorDto[]> {
  const byRow = new Map<number, ImportErrorDto[]>();
  for (const problem of problems) byRow.set(problem.row, [...(byRow.get(problem.row) ?? []), problem]);
  return byRow;
}

function categoryPathKey(path: string): string {
  return path
    .split('>')
    .map((name) => name.trim().toLowerCase())
    .join(CATEGORY_PATH_SEPARATOR);
}
