import { Injectable } from '@nestjs/common';
import { canonicalLocale, defaultLocale } from '@kassa/contracts';
import { isoTime, isUniqueViolation, queryRows, updateSet } from '@kassa/api/database';
import { type EarlyCacheRequest, TenantCache } from '@kassa/api/cache';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { RequestContext } from '@kassa/api/http';
import { DataSource, EntityManager } from 'typeorm';
import type { TenantDto } from './dto/tenant.dto';
import type { UpdateTenantDto } from './dto/update-tenant.dto';
import { slugTaken } from './tenancy.exception';

export interface NewTenant {
  id: string;
  name: string;
  slug: string;
  currency: string;
  timeZone: string;
  pricesIncludeTax: boolean;
}

const TENANT_COLUMNS = `id, name, slug, currency, time_zone AS "timeZone", locale, prices_include_tax AS "pricesIncludeTax",
  allow_negative_stock AS "allowNegativeStock", till_idle_lock_seconds AS "tillIdleLockSeconds",
  offline_card_allowed AS "offlineCardAllowed", offline_max_sale_minor AS "offlineMaxSaleMinor", offline_max_hours AS "offlineMaxHours",
  json_build_object('manager', discount_limit_manager_bps, 'cashier', discount_limit_cashier_bps) AS "discountLimitBps", version, ${isoTime('created_at')} AS "createdAt"`;

/** The one entry of the `tenant-settings` area: the tenant is in the key's prefix. */
const TENANT_SETTINGS_KEY = {};

/** The caller's tenant settings if the cache holds them, for keying an answer before the tenant transaction opens. */
export function cachedTenantSettings(request: EarlyCacheRequest): Promise<TenantDto | undefined> {
  return request.peek<TenantDto>('tenant-settings', TENANT_SETTINGS_KEY);
}

@Injectable()
export class TenantsService {
  /** The tenant as each transaction first read it: its settings are read once per request. */
  private readonly loaded = new WeakMap<EntityManager, Promise<TenantDto>>();

  constructor(
    private readonly dataSource: DataSource,
    private readonly audit: AuditLog,
    private readonly cache: TenantCache,
  ) {}

  /** Creates a tenant inside a transaction already scoped to its (new) id. */
  async create(manager: EntityManager, tenant: NewTenant): Promise<TenantDto> {
    const [created] = await queryRows<TenantDto>(
      manager,
      `INSERT INTO tenant (id, name, slug, currency, time_zone, locale, prices_include_tax)
       VALUES ($1, $2, $3, $4, $5, $6, $7) RETURNING ${TENANT_COLUMNS}`,
      [tenant.id, tenant.name, tenant.slug, tenant.currency, tenant.timeZone, defaultLocale(tenant.currency, tenant.timeZone), tenant.pricesIncludeTax],
    );
    try {
      await manager.query(`INSERT INTO tenant_directory (slug, tenant_id) VALUES ($1, $2)`, [tenant.slug, tenant.id]);
    } catch (error) {
      if (isUniqueViolation(error, 'tenant_directory_pkey')) {
        throw slugTaken(tenant.slug);
      }
      throw error;
    }
    return created;
  }

  /**
   * The caller's tenant and its settings (currency, time zone, tax mode, stock and discount rules), read
   * once per request: every later call in the same transaction answers the same row, updates included.
   */
  current(context: RequestContext): Promise<TenantDto> {
    return this.once(context.manager, () => this.cache.read(context, 'tenant-settings', TENANT_SETTINGS_KEY, () => this.load(context.manager)));
  }

  /** `current` for work outside a request (an event consumer, a rebuild) in a transaction already scoped to the tenant. */
  inTransaction(manager: EntityManager): Promise<TenantDto> {
    return this.once(manager, () => this.load(manager));
  }

  private once(manager: EntityManager, read: () => Promise<TenantDto>): Promise<TenantDto> {
    let tenant = this.loaded.get(manager);
    if (!tenant) {
      tenant = read();
      this.loaded.set(manager, tenant);
    }
    return tenant;
  }

  private load(manager: EntityManager): Promise<TenantDto> {
    return queryRows<TenantDto>(manager, `SELECT ${TENANT_COLUMNS} FROM tenant`).then(([row]) => row);
  }

  /**
   * The one read across tenants (DESIGN.md §5): login turns a shop's public slug into its id, before
   * any tenant transaction exists.
   */
  async idForSlug(slug: string): Promise<string | undefined> {
    const [directory] = await queryRows<{ tenantId: string }>(this.dataSource.manager, `SELECT tenant_id AS "tenantId" FROM tenant_directory WHERE slug = $1`, [
      slug,
    ]);
    return directory?.tenantId;
  }

  async update(context: RequestContext, changes: UpdateTenantDto): Promise<TenantDto> {
    const set = updateSet(
      {
        name: changes.name,
        currency: changes.currency,
        time_zone: changes.timeZone,
        locale: changes.locale && canonicalLocale(changes.locale),
        prices_include_tax: changes.pricesIncludeTax,
        allow_negative_stock: changes.allowNegativeStock,
        discount_limit_manager_bps: changes.discountLimitBps?.manager,
        discount_limit_cashier_bps: changes.discountLimitBps?.cashier,
        till_idle_lock_seconds: changes.tillIdleLockSeconds,
        offline_card_allowed: changes.offlineCardAllowed,
        offline_max_sale_minor: changes.offlineMaxSaleMinor,
        offline_max_hours: changes.offlineMaxHours,
      },
      1,
    );
    const before = await this.current(context);
    if (set.values.length === 0) return before;
    const [tenant] = await queryRows<TenantDto>(
      context.manager,
      `UPDATE tenant SET ${set.sql}, version = version + 1, updated_at = now() RETURNING ${TENANT_COLUMNS}`,
      set.values,
    );
    this.loaded.set(context.manager, Promise.resolve(tenant));
    await this.cache.invalidate(context, 'tenant-settings');
    await this.audit.record(auditScopeOf(context), {
      action: 'update',
      entityType: 'tenant',
      entityId: context.tenantId,
      before: before,
      after: tenant,
    });
    return tenant;
  }
}
