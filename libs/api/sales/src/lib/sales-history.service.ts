import { Injectable } from '@nestjs/common';
import { queryRows } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import { TenantsService } from '@kassa/api/tenancy';

/** What a store sold over past days, for purchasing's reorder suggestions. */
@Injectable()
export class SalesHistoryService {
  constructor(private readonly tenants: TenantsService) {}

  /**
   * Net units sold per product in the store over the `days` whole local days before today (the shop's time
   * zone): completed sales rung up then, less what was refunded of them. Products not sold are left out.
   */
  async netUnitsSold(context: RequestContext, storeId: string, days: number): Promise<Map<string, number>> {
    const { timeZone } = await this.tenants.current(context);
    const rows = await queryRows<{ productId: string; units: number }>(
      context.manager,
      `WITH today AS (SELECT (now() AT TIME ZONE $2)::date AS day)
       SELECT l.product_id AS "productId", sum(l.quantity - l.refunded_quantity)::int AS units
         FROM today, sale s JOIN sale_line l ON l.tenant_id = s.tenant_id AND l.sale_id = s.id
        WHERE s.store_id = $1 AND s.status = 'completed'
          AND s.occurred_at >= (today.day - $3::int)::timestamp AT TIME ZONE $2
          AND s.occurred_at < today.day::timestamp AT TIME ZONE $2
        GROUP BY l.product_id`,
      [storeId, timeZone, days],
    );
    return new Map(rows.filter((row) => row.units !== 0).map((row) => [row.productId, row.units]));
  }
}
