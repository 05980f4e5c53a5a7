/**
 * The minimal correct checkout for this schema as a pgbench script (issue 31): the limit the API is compared with.
 * One transaction of 10 statements, as `kassa_app` with row-level security on: the tenant setting (with the
 * transaction's picks), the idempotency row, the register's receipt counter, the sale with its lines and tender
 * (`INSERT … SELECT FROM unnest`), every line's guarded stock update in one `UPDATE … FROM unnest … RETURNING`,
 * the ledger rows in one insert, the outbox events and the audit rows — between BEGIN and COMMIT.
 * It reads the `bench` schema the checkout bench sets up: `bench.pick` (products by number with their stock
 * rows), a table of a register per client and `bench.uuidv7()`.
 */
export interface MinimalCheckoutScript {
  text: string;
  defines: Map<string, string>;
  statements: number;
}

/** `bounds[k]..bounds[k+1]` are line k's product numbers; `registers` names the table giving each pgbench client its register. */
export function renderMinimalCheckout(options: {
  tenantId: string;
  storeId: string;
  userId: string;
  bounds: number[];
  registers: string;
}): MinimalCheckoutScript {
  const lines = options.bounds.slice(0, -1).map((from, line) => ({ n: `n${line + 1}`, from: from + 1, to: options.bounds[line + 1] }));
  const each = (render: (line: number) => string) => lines.map((_, line) => render(line + 1)).join(', ');
  const products = `ARRAY[${each((line) => `:p${line}`)}]::uuid[]`;
  const levels = `ARRAY[${each((line) => `:s${line}`)}]::uuid[]`;
  const quantities = `ARRAY[${each(() => '1')}]::int[]`;
  const statements = [
    'BEGIN;',
    `SELECT set_config('app.tenant_id', :tenant, true) AS tenant_set, bench.uuidv7() AS sale, r.register_id AS register, ` +
      `${each((line) => `l${line}.product_id AS p${line}, l${line}.stock_level_id AS s${line}`)} ` +
      `FROM ${options.registers} r, ${each((line) => `bench.pick l${line}`)} ` +
      `WHERE r.client_id = :client_id AND ${lines.map((line, index) => `l${index + 1}.n = :${line.n}`).join(' AND ')} \\gset`,
    `INSERT INTO idempotency_key (tenant_id, key, request_hash, response_status) VALUES (:tenant::uuid, :sale, '\\x00'::bytea, 201) ON CONFLICT DO NOTHING;`,
    `UPDATE register SET last_receipt_number = last_receipt_number + 1 WHERE id = :register::uuid RETURNING last_receipt_number AS receipt \\gset`,
    `WITH l AS (
       SELECT v.position - 1 AS position, p.id, p.sku, p.name, p.price_minor, p.tax_rate_bps, p.cost_minor, v.quantity,
              p.price_minor * v.quantity AS gross, round(p.price_minor * v.quantity * p.tax_rate_bps / (10000.0 + p.tax_rate_bps))::bigint AS tax
         FROM unnest(${products}, ${quantities}) WITH ORDINALITY AS v (product_id, quantity, position)
         JOIN product p ON p.id = v.product_id
     ), s AS (
       INSERT INTO sale (tenant_id, id, store_id, register_id, receipt_number, actor_type, actor_id, currency, prices_include_tax,
                         subtotal_minor, discount_minor, tax_minor, total_minor, tendered_minor, change_due_minor, request_hash, occurred_at)
       SELECT :tenant::uuid, :sale::uuid, :store::uuid, :register::uuid, :receipt::int, 'user', :user::uuid, t.currency, t.prices_include_tax,
              sum(l.gross), 0, sum(l.tax), sum(l.gross), sum(l.gross), 0, '\\x00'::bytea, now()
         FROM l, tenant t GROUP BY t.currency, t.prices_include_tax
       RETURNING id, total_minor
     ), tender AS (
       INSERT INTO sale_tender (tenant_id, sale_id, id, position, type, amount_minor) SELECT :tenant::uuid, s.id, bench.uuidv7(), 0, 'card', s.total_minor FROM s
     )
     INSERT INTO sale_line (tenant_id, sale_id, id, position, product_id, sku, name, quantity, unit_price_minor, list_price_minor, tax_rate_bps,
                            gross_minor, line_discount_minor, sale_discount_minor, tax_minor, total_minor, unit_cost_minor)
     SELECT :tenant::uuid, :sale::uuid, bench.uuidv7(), l.position, l.id, l.sku, l.name, l.quantity, l.price_minor, l.price_minor, l.tax_rate_bps,
            l.gross, 0, 0, l.tax, l.gross, l.cost_minor FROM l;`,
    `UPDATE stock_level s SET on_hand = s.on_hand - v.quantity, version = s.version + 1, updated_at = now()
       FROM unnest(${levels}, ${quantities}) AS v (id, quantity)
      WHERE s.id = v.id AND s.on_hand >= v.quantity
     RETURNING s.id, s.on_hand, s.version;`,
    `INSERT INTO stock_ledger (tenant_id, id, store_id, product_id, delta, on_hand_after, reason, actor_type, actor_id, reference_type, reference_id)
     SELECT s.tenant_id, bench.uuidv7(), s.store_id, s.product_id, -1, s.on_hand, 'sale', 'user', :user::uuid, 'sale', :sale::uuid
       FROM stock_level s WHERE s.id = ANY(${levels});`,
    `INSERT INTO outbox_event (tenant_id, id, type, aggregate_type, aggregate_id, aggregate_version, data)
     SELECT :tenant::uuid, bench.uuidv7(), 'sale.created', 'sale', s.id, 1, to_jsonb(s) FROM sale s WHERE s.id = :sale::uuid
     UNION ALL
     SELECT :tenant::uuid, bench.uuidv7(), 'payment.received', 'sale', :sale::uuid, 1, jsonb_build_object('saleId', :sale::text, 'type', 'card')
     UNION ALL
     SELECT s.tenant_id, bench.uuidv7(), 'stock.adjusted', 'stock_level', s.id, s.version,
            jsonb_build_object('storeId', s.store_id, 'productId', s.product_id, 'delta', -1, 'reason', 'sale', 'onHand', s.on_hand)
       FROM stock_level s WHERE s.id = ANY(${levels});`,
    `INSERT INTO audit_log (tenant_id, id, actor_type, actor_id, action, entity_type, entity_id, changes)
     SELECT :tenant::uuid, bench.uuidv7(), 'user', :user::uuid, 'create', 'sale', :sale::text, jsonb_build_object('receiptNumber', jsonb_build_array(NULL, :receipt::int))
     UNION ALL
     SELECT s.tenant_id, bench.uuidv7(), 'user', :user::uuid, 'update', 'stock_level', s.id::text, jsonb_build_object('onHand', jsonb_build_array(s.on_hand + 1, s.on_hand))
       FROM stock_level s WHERE s.id = ANY(${levels});`,
    'COMMIT;',
  ];
  return {
    text: [...lines.map((line) => `\\set ${line.n} random(${line.from}, ${line.to})`), ...statements, ''].join('\n'),
    defines: new Map([
      ['tenant', options.tenantId],
      ['store', options.storeId],
      ['user', options.userId],
    ]),
    statements: statements.length,
  };
}
