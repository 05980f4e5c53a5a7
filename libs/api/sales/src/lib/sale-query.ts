import { isoTime } from '@kassa/api/database';

/** One sale with its lines and tenders in one statement; the customer's name is the customers domain's. */
export const SALE_SELECT = `
  SELECT s.id, s.store_id AS "storeId", s.register_id AS "registerId", s.receipt_number AS "receiptNumber",
         s.customer_id AS "customerId", s.status, s.offline, s.flags, s.currency, s.prices_include_tax AS "pricesIncludeTax",
         s.discount, s.subtotal_minor AS "subtotalMinor", s.discount_minor AS "discountMinor", s.tax_minor AS "taxMinor",
         s.discount_approved_by AS "discountApprovedBy",
         s.total_minor AS "totalMinor", s.tendered_minor AS "tenderedMinor", s.change_due_minor AS "changeDueMinor", s.note,
         s.actor_type AS "actorType", s.actor_id AS "actorId", ${isoTime('s.occurred_at')} AS "occurredAt",
         ${isoTime('s.created_at')} AS "createdAt", ${isoTime('s.reviewed_at')} AS "reviewedAt",
         ${isoTime('s.voided_at')} AS "voidedAt", s.void_reason AS "voidReason",
         s.shift_id AS "shiftId", s.void_register_id AS "voidRegisterId", s.void_shift_id AS "voidShiftId",
         (SELECT coalesce(json_agg(json_build_object(
                   'id', l.id, 'productId', l.product_id, 'sku', l.sku, 'name', l.name, 'quantity', l.quantity,
                   'unitPriceMinor', l.unit_price_minor, 'listPriceMinor', l.list_price_minor, 'taxRateBps', l.tax_rate_bps,
                   'discount', l.discount, 'grossMinor', l.gross_minor, 'lineDiscountMinor', l.line_discount_minor,
                   'saleDiscountMinor', l.sale_discount_minor, 'taxMinor', l.tax_minor, 'totalMinor', l.total_minor,
                   'flags', l.flags, 'refundedQuantity', l.refunded_quantity, 'onHandAfter', l.on_hand_after) ORDER BY l.position), '[]')
            FROM sale_line l WHERE l.tenant_id = s.tenant_id AND l.sale_id = s.id) AS lines,
         (SELECT coalesce(json_agg(json_build_object('id', t.id, 'type', t.type, 'amountMinor', t.amount_minor, 'offline', t.offline) ORDER BY t.position), '[]')
            FROM sale_tender t WHERE t.tenant_id = s.tenant_id AND t.sale_id = s.id) AS tenders
    FROM sale s`;
