import { isoTime } from '@kassa/api/database';

/** A refund as answered (`RefundDto`), from `sale_refund r`. */
export const REFUND_SELECT = `
  SELECT r.id, r.sale_id AS "saleId", r.reason, r.register_id AS "registerId", r.shift_id AS "shiftId", r.total_minor AS "totalMinor", r.tax_minor AS "taxMinor",
         r.actor_type AS "actorType", r.actor_id AS "actorId", ${isoTime('r.created_at')} AS "createdAt",
         ${isoTime('coalesce(r.occurred_at, r.created_at)')} AS "occurredAt", r.register_id AS "registerId", r.offline,
         r.approved_by AS "approvedBy", r.flags, ${isoTime('r.reviewed_at')} AS "reviewedAt",
         (SELECT coalesce(json_agg(json_build_object('id', rl.id, 'saleLineId', rl.sale_line_id, 'productId', l.product_id,
                   'quantity', rl.quantity, 'restock', rl.restock, 'taxRateBps', rl.tax_rate_bps, 'amountMinor', rl.amount_minor,
                   'taxMinor', rl.tax_minor) ORDER BY l.position), '[]')
            FROM sale_refund_line rl JOIN sale_line l ON l.tenant_id = rl.tenant_id AND l.id = rl.sale_line_id
           WHERE rl.tenant_id = r.tenant_id AND rl.refund_id = r.id) AS lines,
         (SELECT coalesce(json_agg(json_build_object('type', t.type, 'amountMinor', t.amount_minor) ORDER BY t.position), '[]')
            FROM sale_refund_tender t WHERE t.tenant_id = r.tenant_id AND t.refund_id = r.id) AS tenders
    FROM sale_refund r`;
