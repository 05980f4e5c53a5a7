import { MigrationInterface, QueryRunner } from 'typeorm';
import { APP_ROLE } from '../app-role';
import { tenantIsolationSql } from '../tenant-isolation.sql';

export class CreateOutboxAndAudit1764288000000 implements MigrationInterface {
  name = 'CreateOutboxAndAudit1764288000000';

  async up(queryRunner: QueryRunner): Promise<void> {
    // `position` is taken at insert: a writer that waited for another's row lock inserts later,
    // so within an aggregate position order is version order. `sequence` is stamped by the relay.
    await queryRunner.query(`
      CREATE TABLE outbox_event (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        position bigint GENERATED ALWAYS AS IDENTITY,
        type text NOT NULL,
        aggregate_type text NOT NULL,
        aggregate_id uuid NOT NULL,
        aggregate_version integer NOT NULL,
        occurred_at timestamptz NOT NULL DEFAULT now(),
        data jsonb NOT NULL,
        request_id text,
        sequence bigint,
        published_at timestamptz,
        dispatched_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        CONSTRAINT outbox_event_sequence_key UNIQUE (tenant_id, sequence)
      )`);
    await queryRunner.query(`CREATE INDEX outbox_event_unpublished_idx ON outbox_event (tenant_id, position) WHERE sequence IS NULL`);
    await queryRunner.query(
      `CREATE INDEX outbox_event_undispatched_idx ON outbox_event (tenant_id, sequence) WHERE sequence IS NOT NULL AND dispatched_at IS NULL`,
    );
    await queryRunner.query(`CREATE INDEX outbox_event_published_idx ON outbox_event (tenant_id, published_at)`);

    await queryRunner.query(`
      CREATE TABLE tenant_event_sequence (
        tenant_id uuid PRIMARY KEY REFERENCES tenant (id),
        last_sequence bigint NOT NULL DEFAULT 0
      )`);

    await queryRunner.query(`
      CREATE TABLE processed_event (
        tenant_id uuid NOT NULL,
        consumer text NOT NULL,
        event_id uuid NOT NULL,
        processed_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, consumer, event_id)
      )`);

    await queryRunner.query(`
      CREATE TABLE dead_letter (
        tenant_id uuid NOT NULL,
        id uuid NOT NULL,
        event_id uuid NOT NULL,
        consumer text NOT NULL,
        attempts integer NOT NULL,
        last_error text NOT NULL,
        created_at timestamptz NOT NULL DEFAULT now(),
        retried_at timestamptz,
        PRIMARY KEY (tenant_id, id),
        FOREIGN KEY (tenant_id, event_id) REFERENCES outbox_event (tenant_id, id) ON DELETE CASCADE
      )`);
    await queryRunner.query(`CREATE INDEX dead_letter_event_idx ON dead_letter (tenant_id, event_id)`);

    for (const table of ['outbox_event', 'tenant_event_sequence', 'processed_event', 'dead_letter']) {
      for (const statement of tenantIsolationSql(table)) await queryRunner.query(statement);
    }
    // The relay publishes every tenant's events (DESIGN.md §3), so it alone sees across tenants,
    // and only in these tables, inside transactions that set app.scope = 'outbox-relay'.
    for (const table of ['outbox_event', 'tenant_event_sequence', 'processed_event']) {
      await queryRunner.query(
        `CREATE POLICY outbox_relay ON ${table}
           USING (current_setting('app.scope', true) = 'outbox-relay')
           WITH CHECK (current_setting('app.scope', true) = 'outbox-relay')`,
      );
    }

    await queryRunner.query(`
      CREATE TABLE audit_log (
        tenant_id uuid NOT NULL REFERENCES tenant (id),
        id uuid NOT NULL,
        actor_type text NOT NULL CHECK (actor_type IN ('user', 'api_key', 'system')),
        actor_id uuid,
        action text NOT NULL,
        entity_type text NOT NULL,
        entity_id text,
        changes jsonb NOT NULL DEFAULT '{}',
        metadata jsonb NOT NULL DEFAULT '{}',
        ip text,
        user_agent text,
        request_id text,
        created_at timestamptz NOT NULL DEFAULT now(),
        PRIMARY KEY (tenant_id, id)
      )`);
    await queryRunner.query(`CREATE INDEX audit_log_entity_idx ON audit_log (tenant_id, entity_type, entity_id)`);
    await queryRunner.query(`CREATE INDEX audit_log_actor_idx ON audit_log (tenant_id, actor_id)`);
    for (const statement of tenantIsolationSql('audit_log')) await queryRunner.query(statement);
    // Append-only for the app (DESIGN.md §10).
    await queryRunner.query(`REVOKE UPDATE, DELETE, TRUNCATE ON audit_log FROM ${APP_ROLE}`);
  }

  async down(queryRunner: QueryRunner): Promise<void> {
    for (const table of ['audit_log', 'dead_letter', 'processed_event', 'tenant_event_sequence', 'outbox_event']) {
      await queryRunner.query(`DROP TABLE ${table}`);
    }
  }
}
