import { MigrationInterface, QueryRunner } from 'typeorm';

/**
 * The form barcodes are compared in (libs/spreadsheet-core `gtin14`): a GTIN-8/12/13/14 left-padded
 * to 14 digits, so the UPC-A `012345678905` and the EAN-13 `0012345678905` are one code; any other
 * code is itself. Digits are [0-9], as in JavaScript's `\d`.
 */
export const GTIN14_FUNCTION_SQL = `
  CREATE FUNCTION gtin14(code text) RETURNS text LANGUAGE sql IMMUTABLE STRICT PARALLEL SAFE
  AS $$ SELECT CASE WHEN code ~ '^([0-9]{8}|[0-9]{12,14})$' THEN lpad(code, 14, '0') ELSE code END $$`;

/** Barcodes one GTIN-14 apart within a shop, which the unique index below cannot take (at most 20, for the message). */
const DUPLICATES_SQL = `
  SELECT gtin14(code) AS gtin, array_agg(code || ' (product ' || product_id || ')' ORDER BY code) AS held
    FROM product_barcode WHERE tenant_id = $1
   GROUP BY gtin14(code) HAVING count(*) > 1 ORDER BY 1 LIMIT 20`;

export class BarcodesUniqueAsGtin141765843200001 implements MigrationInterface {
  name = 'BarcodesUniqueAsGtin141765843200001';

  async up(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(GTIN14_FUNCTION_SQL);
    // Which product keeps a barcode held twice is the shop's call, not ours (decision 0020): the
    // migration stops and names every collision. Tenant by tenant, as the owner may be subject to
    // row-level security (see CreateRegisters).
    const tenants: { tenantId: string }[] = await queryRunner.query(`SELECT tenant_id AS "tenantId" FROM tenant_directory`);
    const collisions: string[] = [];
    for (const { tenantId } of tenants) {
      await queryRunner.query(`SELECT set_config('app.tenant_id', $1, true)`, [tenantId]);
      const duplicates: { gtin: string; held: string[] }[] = await queryRunner.query(DUPLICATES_SQL, [tenantId]);
      collisions.push(...duplicates.map(({ gtin, held }) => `tenant ${tenantId}: GTIN ${gtin} is held as ${held.join(', ')}`));
    }
    await queryRunner.query(`SELECT set_config('app.tenant_id', '', true)`);
    if (collisions.length > 0) {
      throw new Error(
        `Barcodes that are one GTIN-14 are held by more than one product row; remove one of each (PATCH /products/{id} barcodes) and migrate again:\n` +
          collisions.join('\n'),
      );
    }
    await queryRunner.query(`CREATE UNIQUE INDEX product_barcode_gtin14_key ON product_barcode (tenant_id, gtin14(code))`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP INDEX product_barcode_gtin14_key`);
    await queryRunner.query(`DROP FUNCTION gtin14(text)`);
  }
}
