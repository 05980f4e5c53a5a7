import { Injectable } from '@nestjs/common';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { ProductsService } from '@kassa/api/catalog';
import { queryRows } from '@kassa/api/database';
import { fieldErrorsOf, invalidField, RequestContext, undeclaredNulls } from '@kassa/api/http';
import { ImportMappingsService, StoresService, TenantsService } from '@kassa/api/tenancy';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CountImportDto, CountImportErrorDto, CountImportQueryDto, CountImportResultDto, CountImportRowDto } from './dto/inventory.dto';
import { InventoryService } from './inventory.service';
import { gtin14 } from '@kassa/spreadsheet-core';
import { fileImportSource, importInvalid, ImportSource, importTooLarge, jsonImportSource, SpreadsheetUpload } from '@kassa/api/spreadsheets';

const MAX_ROWS = 50_000;

/** A stock count from a spreadsheet: products by SKU or barcode, checked whole before anything is posted. */
@Injectable()
export class CountImportService {
  constructor(
    private readonly inventory: InventoryService,
    private readonly audit: AuditLog,
    private readonly stores: StoresService,
    private readonly products: ProductsService,
    private readonly tenants: TenantsService,
    private readonly mappings: ImportMappingsService,
  ) {}

  /** Rows posted as JSON with the store in the body, or a spreadsheet file with the store in the query. */
  async import(context: RequestContext, body: CountImportDto | SpreadsheetUpload, query: CountImportQueryDto): Promise<CountImportResultDto> {
    if (!(body instanceof SpreadsheetUpload)) return this.importRows(context, body.storeId, jsonImportSource(body.rows), query.dryRun ?? false);
    if (!query.storeId) throw invalidField('storeId', 'give the counted store as ?storeId= when posting a file');
    const source = await fileImportSource(body, 'counts', await this.tenants.current(context), {
      mapping: query.mapping,
      remembered: await this.mappings.remembered(context, 'counts'),
    });
    return this.importRows(context, query.storeId, source, query.dryRun ?? false);
  }

  private async importRows(context: RequestContext, storeId: string, source: ImportSource, dryRun: boolean): Promise<CountImportResultDto> {
    const { rows } = source;
    if (rows.length > MAX_ROWS) {
      throw importTooLarge(MAX_ROWS, rows.length);
    }
    await this.stores.assertUsable(context, storeId, 'storeId');
    const errors: CountImportErrorDto[] = [...source.problems];
    const unreadableRows = new Set(source.problems.map((problem) => problem.row));
    const parsed = rows.map((row, index) => {
      const line = plainToInstance(CountImportRowDto, row);
      if (unreadableRows.has(index + 1)) return line;
      const invalid = fieldErrorsOf(validateSync(line, { whitelist: true, forbidNonWhitelisted: true }));
      const problems = [...invalid, ...undeclaredNulls(line, invalid)];
      errors.push(...problems.map((error) => ({ row: index + 1, ...error })));
      if (problems.length === 0 && !line.sku && !line.barcode) errors.push({ row: index + 1, field: 'sku', message: 'give a sku or a barcode' });
      return line;
    });
    const products = await this.products.findByCodes(
      context,
      parsed.flatMap((line) => (line.sku ? [line.sku] : [])),
      parsed.flatMap((line) => (line.barcode ? [line.barcode] : [])),
    );
    const bySku = new Map(products.map((product) => [product.sku, product]));
    const byCode = new Map(products.filter((product) => product.barcode).map((product) => [gtin14(product.barcode as string), product]));
    const lines: { productId: string; counted: number }[] = [];
    const seen = new Map<string, number>();
    parsed.forEach((line, index) => {
      if (errors.some((error) => error.row === index + 1)) return;
      const product = line.sku ? bySku.get(line.sku) : byCode.get(gtin14(line.barcode as string));
      if (!product) {
        errors.push({ row: index + 1, field: line.sku ? 'sku' : 'barcode', message: 'no product of this shop has it' });
        return;
      }
      // A row naming one product by SKU and another (or none) by barcode is ambiguous: which was counted?
      const byBarcode = line.sku && line.barcode ? byCode.get(gtin14(line.barcode)) : product;
      if (byBarcode?.id !== product.id) {
        const named = byBarcode ? `product ${byBarcode.sku}` : 'no product of this shop';
        errors.push({ row: index + 1, field: 'barcode', message: `barcode ${line.barcode} is ${named}, not ${line.sku}` });
        return;
      }
      const first = seen.get(product.id);
      if (first !== undefined) {
        errors.push({ row: index + 1, field: line.sku ? 'sku' : 'barcode', message: `the same product as row ${first + 1}` });
        return;
      }
      seen.set(product.id, index);
      lines.push({ productId: product.id, counted: line.counted });
    });
    errors.sort((a, b) => a.row - b.row);
    const withLines = (problems: CountImportErrorDto[]) =>
      source.lines ? problems.map((problem) => ({ ...problem, line: source.lines?.[problem.row - 1] })) : problems;
    const report = { errors: withLines(errors), notes: withLines(source.notes), unknownColumns: source.unknownColumns };
    if (dryRun) return { counted: lines.length, changed: await this.changedCount(context, storeId, lines), ...report };
    if (errors.length > 0) {
      throw importInvalid(report.errors, 'nothing was counted');
    }
    const posted = await this.inventory.count(context, { storeId, lines });
    await this.audit.record(auditScopeOf(context), {
      action: 'import',
      entityType: 'stock_count',
      entityId: posted.countId,
      metadata: { storeId, rows: rows.length },
    });
    return { counted: lines.length, changed: posted.lines.filter((line) => line.delta !== 0).length, ...report };
  }

  /** How many of the lines count other than what is on hand (nothing yet on hand is 0). */
  private async changedCount(context: RequestContext, storeId: string, lines: { productId: string; counted: number }[]): Promise<number> {
    const levels = await queryRows<{ productId: string; onHand: number }>(
      context.manager,
      `SELECT product_id AS "productId", on_hand AS "onHand" FROM stock_level WHERE store_id = $1 AND product_id = ANY($2)`,
      [storeId, lines.map((line) => line.productId)],
    );
    const onHand = new Map(levels.map((level) => [level.productId, level.onHand]));
    return lines.filter((line) => line.counted !== (onHand.get(line.productId) ?? 0)).length;
  }
}
