import { MigrationInterface, QueryRunner } from 'typeorm';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateWebhooks1764547200000 implements MigrationInterface {
  name = 'CreateWebhooks1764547200000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // Secrets are kept as issued: unlike API keys they must be recoverable to sign (docs/decisions/0008).
    await queryRunner.query(`
      CREATE TABLE webhook_endpoint (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        url text NOT NULL,
        description text,
        event_types text[] NOT NULL CHECK (cardinality(event_types) > 0),
        headers jsonb NOT NULL DEFAULT '{}',
        enabled boolean NOT NULL DEFAULT true,
        disabled_reason text,
        secret text NOT NULL,
        previous_secret text,
        previous_secret_expires_at timestamptz,
        failing_since timestamptz,
        version integer NOT NULL DEFAULT 1,
        created_at timestamptz NOT NULL DEFAULT now(),
        updated_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX webhook_endpoint_enabled_idx ON webhook_endpoint (tenant_id) WHERE enabled`);

    // A delivery keeps the payload it sends, so a redelivery works after the event left the outbox.
    await queryRunner.query(`
      CREATE TABLE webhook_delivery (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        endpoint_id uuid NOT NULL,
        event_id uuid NOT NULL,
        event_type text NOT NULL,
        payload json NOT NULL,
        status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
        attempts integer NOT NULL DEFAULT 0,
        next_attempt_at timestamptz,
        last_error text,
        created_at timestamptz NOT NULL DEFAULT now(),
        completed_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, endpoint_id) REFERENCES webhook_endpoint (tenant_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_endpoint_idx ON webhook_delivery (tenant_id, endpoint_id, id)`);
    await queryRunner.query(`CREATE INDEX webhook_delivery_pending_idx ON webhook_delivery (tenant_id, next_attempt_at) WHERE status = 'pending'`);

    await queryRunner.query(`
      CREATE TABLE webhook_attempt (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        delivery_id uuid NOT NULL,
        attempt integer NOT NULL,
        attempted_at timestamptz NOT NULL DEFAULT now(),
        status_code integer,
        latency_ms integer NOT NULL,
        response_excerpt text,
        error text,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, delivery_id) REFERENCES webhook_delivery (tenant_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX webhook_attempt_delivery_idx ON webhook_attempt (tenant_id, delivery_id, attempt)`);

    for (const table of ['webhook_endpoint', 'webhook_delivery', 'webhook_attempt']) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    await queryRunner.query(`DROP TABLE webhook_attempt`);
    await queryRunner.query(`DROP TABLE webhook_delivery`);
    await queryRunner.query(`DROP TABLE webhook_endpoint`);
  }
}
