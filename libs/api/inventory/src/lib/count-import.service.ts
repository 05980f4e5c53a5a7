import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { ApiException, fieldErrorsOf, RequestContext, undeclaredNulls } from '@kassa/api/http';
import { canSeeStore } from '@kassa/api/tenancy';
import { plainToInstance } from 'class-transformer';
import { validateSync } from 'class-validator';
import { CountImportErrorDto, CountImportResultDto, CountImportRowDto } from './dto/inventory.dto';
import { InventoryService } from './inventory.service';

const MAX_ROWS = 50_000;

/** A stock count from a spreadsheet: products by SKU or barcode, checked whole before anything is posted. */
@Injectable()
export class CountImportService {
  constructor(
    private readonly inventory: InventoryService,
    private readonly audit: AuditLog,
  ) {}

  async import(context: RequestContext, storeId: string, rows: Record<string, unknown>[], dryRun: boolean): Promise<CountImportResultDto> {
    if (rows.length > MAX_ROWS) {
      throw new ApiException(ErrorCode.PayloadTooLarge, `At most ${MAX_ROWS} rows per import.`, [{ field: 'rows', message: `${rows.length} rows` }]);
    }
    const [store] = await context.manager.query(`SELECT 1 FROM store WHERE id = $1`, [storeId]);
    if (!store || !canSeeStore(context, storeId)) {
      throw new ApiException(ErrorCode.StoreNotFound, 'No such store.', [{ field: 'storeId', message: 'not a store you can use' }]);
    }
    const errors: CountImportErrorDto[] = [];
    const parsed = rows.map((row, index) => {
      const line = plainToInstance(CountImportRowDto, row);
      const invalid = fieldErrorsOf(validateSync(line, { whitelist: true, forbidNonWhitelisted: true }));
      const problems = [...invalid, ...undeclaredNulls(line, invalid)];
      errors.push(...problems.map((error) => ({ row: index + 1, ...error })));
      if (problems.length === 0 && !line.sku && !line.barcode) errors.push({ row: index + 1, field: 'sku', message: 'give a sku or a barcode' });
      return line;
    });
    const products: { id: string; sku: string; code: string | null; onHand: number | null }[] = await context.manager.query(
      `SELECT p.id, p.sku, b.code, s.on_hand AS "onHand"
         FROM product p
         LEFT JOIN product_barcode b ON b.tenant_id = p.tenant_id AND b.product_id = p.id AND b.code = ANY($2)
         LEFT JOIN stock_level s ON s.tenant_id = p.tenant_id AND s.product_id = p.id AND s.store_id = $3
        WHERE p.deleted_at IS NULL AND (p.sku = ANY($1) OR b.code IS NOT NULL)`,
      [parsed.flatMap((line) => (line.sku ? [line.sku] : [])), parsed.flatMap((line) => (line.barcode ? [line.barcode] : [])), storeId],
    );
    const bySku = new Map(products.map((product) => [product.sku, product]));
    const byCode = new Map(products.filter((product) => product.code).map((product) => [product.code as string, product]));
    const lines: { productId: string; counted: number }[] = [];
    const seen = new Map<string, number>();
    parsed.forEach((line, index) => {
      if (errors.some((error) => error.row === index + 1)) return;
      const product = line.sku ? bySku.get(line.sku) : byCode.get(line.barcode as string);
      if (!product) {
        errors.push({ row: index + 1, field: line.sku ? 'sku' : 'barcode', message: 'no product of this shop has it' });
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
    const onHand = new Map(products.map((product) => [product.id, product.onHand ?? 0]));
    const changed = lines.filter((line) => line.counted !== onHand.get(line.productId)).length;
    if (dryRun) return { counted: lines.length, changed, errors };
    if (errors.length > 0) {
      throw new ApiException(ErrorCode.ImportInvalid,
        `${errors.length} problems in the rows; nothing was counted.`,
        errors.map((error) => ({ field: `rows.${error.row - 1}.${error.field}`, message: error.message })),
      );
    }
    const posted = await this.inventory.count(context, { storeId, lines });
    await this.audit.record(auditScopeOf(context), {
      action: 'import',
      entityType: 'stock_count',
      entityId: posted.countId,
      metadata: { storeId, rows: rows.length },
    });
    return { counted: lines.length, changed: posted.lines.filter((line) => line.delta !== 0).length, errors: [] };
  }
}
