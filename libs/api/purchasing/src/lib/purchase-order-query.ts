import { isoTime } from '@kassa/api/database';

/** One purchase order with its lines (and each line's pack size at its supplier) in one statement; product names are the catalog's. */
export const PURCHASE_ORDER_SELECT = `
  SELECT o.id, o.number, o.supplier_id AS "supplierId", su.name AS "supplierName", o.store_id AS "storeId", o.status, o.currency,
         o.note, o.rejection_reason AS "rejectionReason", o.approved_by AS "approvedBy", o.version,
         ${isoTime('o.submitted_at')} AS "submittedAt", ${isoTime('o.approved_at')} AS "approvedAt", ${isoTime('o.ordered_at')} AS "orderedAt",
         ${isoTime('o.closed_at')} AS "closedAt", ${isoTime('o.created_at')} AS "createdAt",
         (SELECT coalesce(json_agg(json_build_object(
                   'id', l.id, 'productId', l.product_id, 'quantity', l.quantity, 'receivedQuantity', l.received_quantity,
                   'unitCostMinor', l.unit_cost_minor, 'expectedDate', to_char(l.expected_date, 'YYYY-MM-DD'), 'packSize', sp.pack_size)
                   ORDER BY l.position), '[]')
            FROM purchase_order_line l
            LEFT JOIN supplier_product sp ON sp.tenant_id = l.tenant_id AND sp.supplier_id = o.supplier_id AND sp.product_id = l.product_id
           WHERE l.tenant_id = o.tenant_id AND l.purchase_order_id = o.id) AS lines
    FROM purchase_order o JOIN supplier su ON su.tenant_id = o.tenant_id AND su.id = o.supplier_id`;

export const orderNumberLabel = (number: number) => `PO-${String(number).padStart(6, '0')}`;
