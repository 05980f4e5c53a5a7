import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * What each customer has bought, from their completed sales less refunds: sales keep it current in
 * every sale, refund and void (CustomersService.recordPurchase), so customers never read `sale`.
 */
const BACKFILL_CUSTOMER_PURCHASES = `
  UPDATE customer c SET purchase_count = p.count, purchase_total_minor = p.total_minor, last_purchase_at = p.last_at
    FROM (SELECT s.customer_id, count(*) AS count, max(s.occurred_at) AS last_at,
                 sum(s.total_minor) - coalesce(sum(r.refunded_minor), 0) AS total_minor
            FROM sale s
            LEFT JOIN (SELECT tenant_id, sale_id, sum(total_minor) AS refunded_minor FROM sale_refund
                        WHERE tenant_id = $1 GROUP BY tenant_id, sale_id) r
              ON r.tenant_id = s.tenant_id AND r.sale_id = s.id
           WHERE s.tenant_id = $1 AND s.customer_id IS NOT NULL AND s.status = 'completed'
           GROUP BY s.customer_id) p
   WHERE c.tenant_id = $1 AND c.id = p.customer_id`;

export class AddCustomerPurchaseTotals1765670400000 implements MigrationInterface {
  name = 'AddCustomerPurchaseTotals1765670400000';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`
      ALTER TABLE customer
        ADD COLUMN purchase_count integer NOT NULL DEFAULT 0,
        ADD COLUMN purchase_total_minor bigint NOT NULL DEFAULT 0,
        ADD COLUMN last_purchase_at timestamptz`);
    // Tenant by tenant, as the owner may be subject to row-level security (see CreateRegisters).
    const tenants: { tenantId: string }[] = await queryRunner.query(`SELECT tenant_id AS "tenantId" FROM tenant_directory`);
    for (const { tenantId } of tenants) {
      await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      await queryRunner.query(BACKFILL_CUSTOMER_PURCHASES, [tenantId]);
    }
    await queryRunner.query(`SELECT set_config('app.tenant_id', '', true)`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`ALTER TABLE customer DROP COLUMN purchase_count, DROP COLUMN purchase_total_minor, DROP COLUMN last_purchase_at`);
  }
}
