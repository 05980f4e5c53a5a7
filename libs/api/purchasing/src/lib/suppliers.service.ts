import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { productNotFound, ProductsService } from '@kassa/api/catalog';
import { isoTime, queryRows, updateSet } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { cursorShape, pageRequest, paginate, RequestContext, versionMismatch } from '@kassa/api/http';
import { TenantsService } from '@kassa/api/tenancy';
import type {
  CreateSupplierDto,
  PutSupplierProductDto,
  SupplierDetailDto,
  SupplierDto,
  SupplierListDto,
  SupplierProductDto,
  SupplierQueryDto,
  UpdateSupplierDto,
} from './dto/supplier.dto';
import { supplierNotFound } from './purchasing.exception';

const SUPPLIER_COLUMNS = `s.id, s.name, s.contact_name AS "contactName", s.email, s.phone, s.address, s.payment_terms_days AS "paymentTermsDays",
  s.lead_time_days AS "leadTimeDays", s.version, ${isoTime('s.created_at')} AS "createdAt"`;

const SUPPLIER_PRODUCT_COLUMNS = `sp.supplier_id AS "supplierId", sp.product_id AS "productId", sp.supplier_sku AS "supplierSku",
  sp.unit_cost_minor AS "unitCostMinor", sp.pack_size AS "packSize", sp.min_order_quantity AS "minOrderQuantity", sp.preferred`;

const SUPPLIER_PAGES = cursorShape('suppliers', ['text', 'uuid']);

/** A product's preferred supplier with what reorder suggestions need of it. */
export interface PreferredSupplier extends SupplierProductDto {
  supplierName: string;
  leadTimeDays: number;
}

type StoredSupplier = Omit<SupplierDto, 'currency'>;

@Injectable()
export class SuppliersService {
  constructor(
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
    private readonly tenants: TenantsService,
    private readonly products: ProductsService,
  ) {}

  /** By name, all of them or those whose name contains `q`. */
  async list(context: RequestContext, query: SupplierQueryDto): Promise<SupplierListDto> {
    const page = pageRequest(query, SUPPLIER_PAGES);
    const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
    const rows = await queryRows<StoredSupplier>(
      context.manager,
      `SELECT ${SUPPLIER_COLUMNS} FROM supplier s
        WHERE s.deleted_at IS NULL AND ($1::text IS NULL OR s.name ILIKE $1)
          AND ($2::text IS NULL OR (s.name, s.id) > ($2, $3::uuid))
        ORDER BY s.name, s.id LIMIT $4`,
      [pattern, page.after?.[0] ?? null, page.after?.[1] ?? null, page.fetch],
    );
    const { items, nextCursor } = paginate(rows, page, (supplier) => [supplier.name, supplier.id]);
    return { items: await this.withCurrency(context, items), nextCursor };
  }

  async get(context: RequestContext, id: string, field?: string): Promise<SupplierDto> {
    const [supplier] = await queryRows<StoredSupplier>(context.manager, `SELECT ${SUPPLIER_COLUMNS} FROM supplier s WHERE s.id = $1 AND s.deleted_at IS NULL`, [
      id,
    ]);
    if (!supplier) throw supplierNotFound(field);
    return (await this.withCurrency(context, [supplier]))[0];
  }

  async detail(context: RequestContext, id: string): Promise<SupplierDetailDto> {
    const supplier = await this.get(context, id);
    const terms = await queryRows<SupplierProductDto>(
      context.manager,
      `SELECT ${SUPPLIER_PRODUCT_COLUMNS} FROM supplier_product sp WHERE sp.supplier_id = $1 ORDER BY sp.product_id`,
      [id],
    );
    const catalog = new Map(
      (
        await this.products.forSale(
          context,
          terms.map((item) => item.productId),
        )
      ).map((product) => [product.id, product]),
    );
    const products = terms.map((item) => ({ ...item, sku: catalog.get(item.productId)?.sku ?? '', name: catalog.get(item.productId)?.name ?? '' }));
    return { ...supplier, products: products.sort((a, b) => a.name.localeCompare(b.name) || a.productId.localeCompare(b.productId)) };
  }

  async create(context: RequestContext, input: CreateSupplierDto): Promise<SupplierDto> {
    const [stored] = await queryRows<StoredSupplier>(
      context.manager,
      `INSERT INTO supplier AS s (tenant_id, id, name, contact_name, email, phone, address, payment_terms_days, lead_time_days)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) RETURNING ${SUPPLIER_COLUMNS}`,
      [
        context.tenantId,
        uuidv7(),
        input.name,
        input.contactName ?? null,
        input.email?.trim().toLowerCase() ?? null,
        input.phone ?? null,
        input.address ?? null,
        input.paymentTermsDays ?? 0,
        input.leadTimeDays ?? 0,
      ],
    );
    const [created] = await this.withCurrency(context, [stored]);
    await this.events.record(context, {
      type: 'supplier.created',
      aggregateType: 'supplier',
      aggregateId: created.id,
      aggregateVersion: 1,
      data: { ...created },
    });
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'supplier', entityId: created.id, after: created });
    return created;
  }

  async update(context: RequestContext, id: string, changes: UpdateSupplierDto, expectedVersion?: number): Promise<SupplierDto> {
    const before = await this.get(context, id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw versionMismatch();
    const set = updateSet(
      {
        name: changes.name,
        contact_name: changes.contactName,
        email: typeof changes.email === 'string' ? changes.email.trim().toLowerCase() : changes.email,
        phone: changes.phone,
        address: changes.address,
        payment_terms_days: changes.paymentTermsDays,
        lead_time_days: changes.leadTimeDays,
      },
      3,
    );
    if (set.values.length === 0) return before;
    const [stored] = await queryRows<StoredSupplier>(
      context.manager,
      `UPDATE supplier s SET ${set.sql}, version = s.version + 1, updated_at = now()
        WHERE s.id = $1 AND s.version = $2 AND s.deleted_at IS NULL RETURNING ${SUPPLIER_COLUMNS}`,
      [id, before.version, ...set.values],
    );
    if (!stored) throw versionMismatch();
    const [after] = await this.withCurrency(context, [stored]);
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'supplier', entityId: id, before, after });
    return after;
  }

  /** Soft delete: its purchase orders keep pointing at it; it no longer takes new orders or counts as preferred. */
  async delete(context: RequestContext, id: string, expectedVersion?: number): Promise<void> {
    const before = await this.get(context, id);
    if (expectedVersion !== undefined && expectedVersion !== before.version) throw versionMismatch();
    const deleted = await queryRows(
      context.manager,
      `UPDATE supplier SET deleted_at = now(), version = version + 1, updated_at = now() WHERE id = $1 AND version = $2 AND deleted_at IS NULL RETURNING id`,
      [id, before.version],
    );
    if (deleted.length === 0) throw versionMismatch();
    await context.manager.query(`UPDATE supplier_product SET preferred = false WHERE supplier_id = $1`, [id]);
    await this.audit.record(auditScopeOf(context), { action: 'delete', entityType: 'supplier', entityId: id, before });
  }

  /** What the supplier charges for a product and in which packs; `preferred` makes it the product's one preferred supplier. */
  async putProduct(context: RequestContext, supplierId: string, productId: string, input: PutSupplierProductDto): Promise<SupplierProductDto> {
    await this.get(context, supplierId);
    const [product] = await this.products.forSale(context, [productId]);
    if (!product || product.deleted) throw productNotFound('productId');
    const [before] = await queryRows<SupplierProductDto>(
      context.manager,
      `SELECT ${SUPPLIER_PRODUCT_COLUMNS} FROM supplier_product sp WHERE sp.supplier_id = $1 AND sp.product_id = $2`,
      [supplierId, productId],
    );
    const preferred = input.preferred ?? before?.preferred ?? false;
    if (preferred) {
      await context.manager.query(`UPDATE supplier_product SET preferred = false WHERE product_id = $1 AND supplier_id <> $2 AND preferred`, [
        productId,
        supplierId,
      ]);
    }
    const [after] = await queryRows<SupplierProductDto>(
      context.manager,
      `INSERT INTO supplier_product AS sp (tenant_id, supplier_id, product_id, supplier_sku, unit_cost_minor, pack_size, min_order_quantity, preferred)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)
       ON CONFLICT (tenant_id, supplier_id, product_id) DO UPDATE
         SET supplier_sku = excluded.supplier_sku, unit_cost_minor = excluded.unit_cost_minor, pack_size = excluded.pack_size,
             min_order_quantity = excluded.min_order_quantity, preferred = excluded.preferred, updated_at = now()
       RETURNING ${SUPPLIER_PRODUCT_COLUMNS}`,
      [
        context.tenantId,
        supplierId,
        productId,
        input.supplierSku === undefined ? (before?.supplierSku ?? null) : input.supplierSku,
        input.unitCostMinor,
        input.packSize ?? before?.packSize ?? 1,
        input.minOrderQuantity ?? before?.minOrderQuantity ?? 0,
        preferred,
      ],
    );
    await this.audit.record(auditScopeOf(context), {
      action: before ? 'update' : 'create',
      entityType: 'supplier_product',
      entityId: supplierId,
      before: before ?? undefined,
      after,
    });
    return after;
  }

  /** The supplier's terms for these products, by product id; products it does not sell are left out. */
  async termsFor(context: RequestContext, supplierId: string, productIds: string[]): Promise<Map<string, SupplierProductDto>> {
    const rows = await queryRows<SupplierProductDto>(
      context.manager,
      `SELECT ${SUPPLIER_PRODUCT_COLUMNS} FROM supplier_product sp WHERE sp.supplier_id = $1 AND sp.product_id = ANY($2::uuid[])`,
      [supplierId, productIds],
    );
    return new Map(rows.map((row) => [row.productId, row]));
  }

  /** Every product with a preferred supplier (one still in business), or just those of `productIds`. */
  preferred(context: RequestContext, productIds?: string[]): Promise<PreferredSupplier[]> {
    return queryRows<PreferredSupplier>(
      context.manager,
      `SELECT ${SUPPLIER_PRODUCT_COLUMNS}, s.name AS "supplierName", s.lead_time_days AS "leadTimeDays"
         FROM supplier_product sp JOIN supplier s ON s.tenant_id = sp.tenant_id AND s.id = sp.supplier_id
        WHERE sp.preferred AND s.deleted_at IS NULL AND ($1::uuid[] IS NULL OR sp.product_id = ANY($1::uuid[]))
        ORDER BY sp.product_id`,
      [productIds ?? null],
    );
  }

  private async withCurrency(context: RequestContext, suppliers: StoredSupplier[]): Promise<SupplierDto[]> {
    const { currency } = await this.tenants.current(context);
    return suppliers.map((supplier) => ({ ...supplier, currency }));
  }
}
