import { Injectable } from '@nestjs/common';
import { ErrorCode } from '@kassa/contracts';
import { isoTime } from '@kassa/api/database';
import { ApiException, RequestContext } from '@kassa/api/http';
import { canSeeStore, visibleStoreIds } from '@kassa/api/tenancy';
import type { SalesSummaryDto, SalesSummaryQueryDto, TenderTotalDto } from './dto/sales-summary.dto';
import { TENDER_TYPES, TenderType } from './dto/create-sale.dto';

/** `$1` day, `$2` store, `$3` visible stores, `$4` register: the filter every part of the summary shares. */
const SCOPE = `($2::uuid IS NULL OR x.store_id = $2) AND ($3::uuid[] IS NULL OR x.store_id = ANY($3)) AND ($4::uuid IS NULL OR x.register_id = $4)`;
const DAY = `(SELECT ($1::date)::timestamp AT TIME ZONE time_zone AS day_from, ($1::date + 1)::timestamp AT TIME ZONE time_zone AS day_to FROM tenant)`;

/**
 * The day's figures for a store or a register (the Z-report's basis, issue 11): sales by when they
 * happened and refunds by when they were made, both within the business day in the shop's time zone.
 */
@Injectable()
export class SalesSummaryService {
  async summarize(context: RequestContext, query: SalesSummaryQueryDto): Promise<SalesSummaryDto> {
    if (query.storeId && !canSeeStore(context, query.storeId)) {
      throw new ApiException(ErrorCode.StoreNotFound, 'No such store.', [{ field: 'storeId', message: 'not a store you can use' }]);
    }
    const [tenant]: { timeZone: string; currency: string; today: string }[] = await context.manager.query(
      `SELECT time_zone AS "timeZone", currency, to_char(now() AT TIME ZONE time_zone, 'YYYY-MM-DD') AS today FROM tenant`,
    );
    const day = query.day ?? tenant.today;
    const parameters = [day, query.storeId ?? null, visibleStoreIds(context) ?? null, query.registerId ?? null];
    const manager = context.manager;

    const [[window], [sales], taxByRate, [refunds], saleTenders, refundTenders] = await Promise.all([
      manager.query(`SELECT ${isoTime('d.day_from')} AS "from", ${isoTime('d.day_to')} AS "to" FROM ${DAY} d`, [day]),
      manager.query(
        `SELECT count(*) FILTER (WHERE x.status = 'completed')::int AS "salesCount",
                coalesce(sum(x.subtotal_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "grossMinor",
                coalesce(sum(x.discount_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "discountMinor",
                coalesce(sum(x.tax_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "taxMinor",
                coalesce(sum(x.total_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "totalMinor",
                count(*) FILTER (WHERE x.status = 'voided')::int AS "voidCount",
                coalesce(sum(x.total_minor) FILTER (WHERE x.status = 'voided'), 0)::bigint AS "voidMinor",
                coalesce(sum(x.change_due_minor) FILTER (WHERE x.status = 'completed'), 0)::bigint AS "changeMinor"
           FROM sale x, ${DAY} d WHERE x.occurred_at >= d.day_from AND x.occurred_at < d.day_to AND ${SCOPE}`,
        parameters,
      ),
      manager.query(
        `SELECT l.tax_rate_bps AS "rateBps", sum(l.total_minor - l.tax_minor)::bigint AS "netMinor",
                sum(l.tax_minor)::bigint AS "taxMinor"
           FROM sale x JOIN sale_line l ON l.tenant_id = x.tenant_id AND l.sale_id = x.id, ${DAY} d
          WHERE x.status = 'completed' AND x.occurred_at >= d.day_from AND x.occurred_at < d.day_to AND ${SCOPE}
          GROUP BY l.tax_rate_bps ORDER BY l.tax_rate_bps`,
        parameters,
      ),
      manager.query(
        `SELECT count(*)::int AS count, coalesce(sum(x.total_minor), 0)::bigint AS "totalMinor", coalesce(sum(x.tax_minor), 0)::bigint AS "taxMinor"
           FROM sale_refund x, ${DAY} d WHERE x.created_at >= d.day_from AND x.created_at < d.day_to AND ${SCOPE}`,
        parameters,
      ),
      manager.query(
        `SELECT t.type, sum(t.amount_minor)::bigint AS "amountMinor"
           FROM sale x JOIN sale_tender t ON t.tenant_id = x.tenant_id AND t.sale_id = x.id, ${DAY} d
          WHERE x.status = 'completed' AND x.occurred_at >= d.day_from AND x.occurred_at < d.day_to AND ${SCOPE} GROUP BY t.type`,
        parameters,
      ),
      manager.query(
        `SELECT t.type, sum(t.amount_minor)::bigint AS "amountMinor"
           FROM sale_refund x JOIN sale_refund_tender t ON t.tenant_id = x.tenant_id AND t.refund_id = x.id, ${DAY} d
          WHERE x.created_at >= d.day_from AND x.created_at < d.day_to AND ${SCOPE} GROUP BY t.type`,
        parameters,
      ),
    ]);

    const amountOf = (rows: { type: TenderType; amountMinor: number }[], type: TenderType) => rows.find((row) => row.type === type)?.amountMinor ?? 0;
    const tenders: TenderTotalDto[] = TENDER_TYPES.map((type) => {
      // Change is handed back from the drawer, so it comes off the cash taken.
      const salesMinor = amountOf(saleTenders, type) - (type === 'cash' ? sales.changeMinor : 0);
      const refundsMinor = amountOf(refundTenders, type);
      return { type, salesMinor, refundsMinor, netMinor: salesMinor - refundsMinor };
    }).filter((tender) => tender.salesMinor !== 0 || tender.refundsMinor !== 0);

    return {
      day,
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
