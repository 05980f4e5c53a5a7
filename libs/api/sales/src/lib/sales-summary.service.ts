import { Injectable } from '@nestjs/common';
import { TenantCache } from '@kassa/api/cache';
import { isoTime, queryRows } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import { assertStoreVisible, TenantDto, TenantsService, visibleStoreIds } from '@kassa/api/tenancy';
import type { SalesSummaryDto, SalesSummaryQueryDto, TenderTotalDto } from './dto/sales-summary.dto';
import { TENDER_TYPES, TenderType } from '@kassa/contracts';

/** `$1`–`$2` the day's bounds, `$3` store, `$4` visible stores, `$5` register: the filter every part of the summary shares. */
const SCOPE = `($3::uuid IS NULL OR x.store_id = $3) AND ($4::uuid[] IS NULL OR x.store_id = ANY($4)) AND ($5::uuid IS NULL OR x.register_id = $5)`;

interface BusinessDay {
  day: string;
  from: string;
  to: string;
}

/**
 * The day's figures for a store or a register (the Z-report's basis, issue 11): sales by when they
 * happened and refunds by when they were made, both within the business day in the shop's time zone.
 */
@Injectable()
export class SalesSummaryService {
  constructor(
    private readonly tenants: TenantsService,
    private readonly cache: TenantCache,
  ) {}

  async summarize(context: RequestContext, query: SalesSummaryQueryDto): Promise<SalesSummaryDto> {
    if (query.storeId) assertStoreVisible(context, query.storeId, 'storeId');
    const tenant = await this.tenants.current(context);
    // The asked day (or today) in the shop's time zone, as the UTC instants it starts and ends at.
    const [window] = await queryRows<BusinessDay>(
      context.manager,
      `SELECT to_char(d.day, 'YYYY-MM-DD') AS day, ${isoTime('d.day::timestamp AT TIME ZONE $2')} AS "from",
              ${isoTime('(d.day + 1)::timestamp AT TIME ZONE $2')} AS "to"
         FROM (SELECT coalesce($1::date, (now() AT TIME ZONE $2)::date) AS day) d`,
      [query.day ?? null, tenant.timeZone],
    );
    const stores = visibleStoreIds(context) ?? null;
    // The caller's stores are part of the key: a store-limited manager never gets the owner's all-stores figures.
    const parts = { day: window.day, timeZone: tenant.timeZone, currency: tenant.currency, storeId: query.storeId, registerId: query.registerId, stores };
    return this.cache.read(context, 'sales-summary', parts, () => this.compute(context, query, tenant, window, stores));
  }

  /** Drops the tenant's cached summaries once a sale, void or refund commits. */
  invalidate(context: RequestContext): Promise<void> {
    return this.cache.invalidate(context, 'sales-summary');
  }

  private async compute(
    context: RequestContext,
    query: SalesSummaryQueryDto,
    tenant: TenantDto,
    window: BusinessDay,
    stores: string[] | null,
  ): Promise<SalesSummaryDto> {
    const parameters = [window.from, window.to, query.storeId ?? null, stores, query.registerId ?? null];
    const manager = context.manager;

    // One after another: they share the transaction's connection, which runs one query at a time anyway.
    const [sales] = await manager.query(
      `SELECT count(*) FILTER (WHERE x.status = 'completed')::int AS "salesCount",
              coalesce(sum(x.subtotal_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "grossMinor",
              coalesce(sum(x.discount_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "discountMinor",
              coalesce(sum(x.tax_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "taxMinor",
              coalesce(sum(x.total_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "totalMinor",
              count(*) FILTER (WHERE x.status = 'voided')::int AS "voidCount",
              coalesce(sum(x.total_minor) FILTER (WHERE x.status = 'voided'), 0)::bigint AS "voidMinor",
              coalesce(sum(x.change_due_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "changeMinor"
         FROM sale x WHERE x.occurred_at >= $1 AND x.occurred_at < $2 AND ${SCOPE}`,
      parameters,
    );
    const taxByRate = await manager.query(
      `SELECT l.tax_rate_bps AS "rateBps", sum(l.total_minor - l.tax_minor)::bigint AS "netMinor",
              sum(l.tax_minor)::bigint AS "taxMinor"
         FROM sale x JOIN sale_line l ON l.tenant_id = x.tenant_id AND l.sale_id = x.id
        WHERE x.status = 'completed' AND x.occurred_at >= $1 AND x.occurred_at < $2 AND ${SCOPE}
        GROUP BY l.tax_rate_bps ORDER BY l.tax_rate_bps`,
      parameters,
    );
    const [refunds] = await manager.query(
      `SELECT count(*)::int AS count, coalesce(sum(x.total_minor), 0)::bigint AS "totalMinor", coalesce(sum(x.tax_minor), 0)::bigint AS "taxMinor"
         FROM sale_refund x WHERE x.created_at >= $1 AND x.created_at < $2 AND ${SCOPE}`,
      parameters,
    );
    const saleTenders = await manager.query(
      `SELECT t.type, sum(t.amount_minor)::bigint AS "amountMinor"
         FROM sale x JOIN sale_tender t ON t.tenant_id = x.tenant_id AND t.sale_id = x.id
        WHERE x.status = 'completed' AND x.occurred_at >= $1 AND x.occurred_at < $2 AND ${SCOPE} GROUP BY t.type`,
      parameters,
    );
    const refundTenders = await manager.query(
      `SELECT t.type, sum(t.amount_minor)::bigint AS "amountMinor"
         FROM sale_refund x JOIN sale_refund_tender t ON t.tenant_id = x.tenant_id AND t.refund_id = x.id
        WHERE x.created_at >= $1 AND x.created_at < $2 AND ${SCOPE} GROUP BY t.type`,
      parameters,
    );

    const amountOf = (rows: { type: TenderType; amountMinor: number }[], type: TenderType) => rows.find((row) => row.type === type)?.amountMinor ?? 0;
    const tenders: TenderTotalDto[] = TENDER_TYPES.map((type) => {
      // Change is handed back from the drawer, so it comes off the cash taken.
      const salesMinor = amountOf(saleTenders, type) - (type === 'cash' ? sales.changeMinor : 0);
      const refundsMinor = amountOf(refundTenders, type);
      return { type, salesMinor, refundsMinor, netMinor: salesMinor - refundsMinor };
    }).filter((tender) => tender.salesMinor !== 0 || tender.refundsMinor !== 0);

    return {
      day: window.day,
      timeZone: tenant.timeZone,
      from: window.from,
      to: window.to,
      storeId: query.storeId ?? null,
      registerId: query.registerId ?? null,
      currency: tenant.currency,
      salesCount: sales.salesCount,
      grossMinor: sales.grossMinor,
      discountMinor: sales.discountMinor,
      taxMinor: sales.taxMinor,
      totalMinor: sales.totalMinor,
      taxByRate,
      refunds,
      voids: { count: sales.voidCount, totalMinor: sales.voidMinor },
      netMinor: sales.totalMinor - refunds.totalMinor,
      tenders,
    };
  }
}
