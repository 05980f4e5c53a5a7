import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { isoTime, isUniqueViolation, queryRows, updateSet } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import type { CreateCustomerDto, CustomerDetailDto, CustomerDto, CustomerListDto, CustomerQueryDto, UpdateCustomerDto } from './dto/customer.dto';
import { customerEmailTaken, customerNotFound } from './customers.exception';

const CUSTOMER_COLUMNS = `c.id, c.name, c.email, c.phone, c.notes, c.tags, c.marketing_consent AS "marketingConsent",
  c.erased_at IS NOT NULL AS erased, c.version, ${isoTime('c.created_at')} AS "createdAt"`;

const CUSTOMER_PAGES = cursorShape('customers', ['uuid']);

/** How a sale, a refund or a void changes what a customer has bought; sales applies it in that transaction. */
export interface PurchaseChange {
  /** Completed sales: 1 for a sale, -1 for a void, 0 for a refund. */
  count: number;
  /** What they paid less refunds, in minor units: plus a sale's total, minus a refund's or a voided sale's. */
  totalMinor: number;
  /** A sale: when it happened. Their last purchase moves to it if it is later. */
  purchasedAt?: string;
  /**
   * A void: when their latest sale still standing happened (null: none). Called once their row is locked, so a sale or
   * void of theirs in another transaction has either committed (and is seen) or waits and applies after this one.
   */
  latestPurchase?: () => Promise<string | null>;
}

function withEmailConflict(email: string | null | undefined) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, 'customer_email_key')) {
      throw customerEmailTaken(email);
    }
    throw error;
  };
}

const normalizeEmail = (email: string | null | undefined) => (typeof email === 'string' ? email.trim().toLowerCase() : email);

@Injectable()
export class CustomersService {
  constructor(
    private readonly events: DomainEvents,
    private readonly audit: AuditLog,
  ) {}

  /** Oldest first, all of them or those matching `q` in name, email or phone. */
  async list(context: RequestContext, query: CustomerQueryDto): Promise<CustomerListDto> {
    const page = pageRequest(query, CUSTOMER_PAGES);
    const pattern = query.q ? `%${query.q.replace(/[\\%_]/g, (char) => `\\${char}`)}%` : null;
    const rows = await queryRows<CustomerDto>(
      context.manager,
      `SELECT ${CUSTOMER_COLUMNS} FROM customer c
        WHERE ($1::text IS NULL OR c.name ILIKE $1 OR c.email ILIKE $1 OR c.phone LIKE $1)
          AND ($2::uuid IS NULL OR c.id > $2)
        ORDER BY c.id LIMIT $3`,
      [pattern, page.after?.[0] ?? null, page.fetch],
    );
    return paginate(rows, page, (customer) => [customer.id]);
  }

  async get(context: RequestContext, id: string): Promise<CustomerDto> {
    const [customer] = await queryRows<CustomerDto>(context.manager, `SELECT ${CUSTOMER_COLUMNS} FROM customer c WHERE c.id = $1`, [id]);
    if (!customer) throw customerNotFound();
    return customer;
  }

  /** The customer with what they have bought: completed sales in every store, less what was refunded. */
  async detail(context: RequestContext, id: string): Promise<CustomerDetailDto> {
    const [customer] = await queryRows<CustomerDetailDto>(
      context.manager,
      `SELECT ${CUSTOMER_COLUMNS},
              json_build_object('count', c.purchase_count, 'totalMinor', c.purchase_total_minor,
                                'lastPurchaseAt', ${isoTime('c.last_purchase_at')}) AS purchases
         FROM customer c WHERE c.id = $1`,
      [id],
    );
    if (!customer) throw customerNotFound();
    return customer;
  }

  /** The customer's name, refusing an id that is not a customer of this shop (naming the field it came in). */
  async nameOf(context: RequestContext, id: string, field: string): Promise<string> {
    const [customer] = await queryRows<{ name: string }>(context.manager, `SELECT name FROM customer WHERE id = $1`, [id]);
    if (!customer) throw customerNotFound(field);
    return customer.name;
  }

  /** Names by id, for showing who bought (erased customers show as such); unknown ids are left out. */
  async namesOf(context: RequestContext, ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = await queryRows<{ id: string; name: string }>(context.manager, `SELECT id, name FROM customer WHERE id = ANY($1::uuid[])`, [
      [...new Set(ids)],
    ]);
    return new Map(rows.map((row) => [row.id, row.name]));
  }

  /**
   * Keeps the customer's purchase totals in the caller's (sale's, refund's or void's) transaction: an atomic
   * UPDATE, which locks their row until that transaction ends. Their `version` (If-Match on edits) stays.
   */
  async recordPurchase(context: RequestContext, customerId: string, change: PurchaseChange): Promise<void> {
    await context.manager.query(
      `UPDATE customer SET purchase_count = purchase_count + $2, purchase_total_minor = purchase_total_minor + $3,
              last_purchase_at = greatest(last_purchase_at, $4::timestamptz)
        WHERE id = $1`,
      [customerId, change.count, change.totalMinor, change.purchasedAt ?? null],
    );
    if (change.latestPurchase) {
      await context.manager.query(`UPDATE customer SET last_purchase_at = $2 WHERE id = $1`, [customerId, await change.latestPurchase()]);
    }
  }

  /**
   * A new customer; `existing` when the answer is one the shop already had: the same client `id` sent again,
   * or with `merge`, a customer with that email (or, without an email, that phone).
   */
  async create(context: RequestContext, input: CreateCustomerDto): Promise<{ customer: CustomerDto; existing: boolean }> {
    const email = normalizeEmail(input.email) ?? null;
    const earlier = await this.earlier(context, input, email);
    if (earlier) return { customer: earlier, existing: true };
    // ON CONFLICT DO NOTHING on a merge: a concurrent create of the same email committed first, and is the answer.
    const created = await queryRows<CustomerDto>(
      context.manager,
      `INSERT INTO customer AS c (tenant_id, id, name, email, phone, notes, tags, marketing_consent)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8) ${input.merge ? 'ON CONFLICT DO NOTHING' : ''} RETURNING ${CUSTOMER_COLUMNS}`,
      [context.tenantId, input.id ?? uuidv7(), input.name, email, input.phone ?? null, input.notes ?? null, input.tags ?? [], input.marketingConsent ?? false],
    ).catch(withEmailConflict(email));
    if (created.length === 0) return { customer: (await this.earlier(context, input, email)) as CustomerDto, existing: true };
    return { customer: await this.recordCreated(context, created[0]), existing: false };
  }

  private async earlier(context: RequestContext, input: CreateCustomerDto, email: string | null): Promise<CustomerDto | undefined> {
    const [found] = await queryRows<CustomerDto>(
      context.manager,
      `SELECT ${CUSTOMER_COLUMNS} FROM customer c
        WHERE c.id = $1::uuid
           OR ($2 AND c.erased_at IS NULL AND ((c.email = $3::text) OR ($3::text IS NULL AND $4::text IS NOT NULL AND c.phone = $4::text)))
        ORDER BY c.id = $1::uuid DESC, c.id LIMIT 1`,
      [input.id ?? null, input.merge ?? false, email, input.phone ?? null],
    );
    return found;
  }

  private async recordCreated(context: RequestContext, created: CustomerDto): Promise<CustomerDto> {
    await this.events.record(context, {
      type: 'customer.created',
      aggregateType: 'customer',
      aggregateId: created.id,
      aggregateVersion: 1,
      data: { ...created },
    });
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'customer', entityId: created.id, after: created });
    return created;
  }

  async update(context: RequestContext, id: string, changes: UpdateCustomerDto): Promise<CustomerDto> {
    const before = await this.get(context, id);
    const email = normalizeEmail(changes.email);
    const set = updateSet(
      { name: changes.name, email, phone: changes.phone, notes: changes.notes, tags: changes.tags, marketing_consent: changes.marketingConsent },
      2,
    );
    if (set.values.length === 0) return before;
    const [after] = await queryRows<CustomerDto>(
      context.manager,
      `UPDATE customer c SET ${set.sql}, version = c.version + 1, updated_at = now() WHERE c.id = $1 RETURNING ${CUSTOMER_COLUMNS}`,
      [id, ...set.values],
    ).catch(withEmailConflict(email));
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'customer', entityId: id, before, after });
    return after;
  }

  /** Right to erasure: personal fields go, the customer (and later their sales) stay, anonymous. */
  async erase(context: RequestContext, id: string): Promise<CustomerDto> {
    const before = await this.get(context, id);
    const [after] = await queryRows<CustomerDto>(
      context.manager,
      `UPDATE customer c SET name = 'Erased customer', email = NULL, phone = NULL, notes = NULL, tags = '{}',
              marketing_consent = false, erased_at = coalesce(c.erased_at, now()), version = c.version + 1, updated_at = now()
        WHERE c.id = $1 RETURNING ${CUSTOMER_COLUMNS}`,
      [id],
    );
    // The audit row records that it happened, not what was erased.
    await this.audit.record(auditScopeOf(context), {
      action: 'delete',
      entityType: 'customer',
      entityId: id,
      metadata: { erased: true, wasErased: before.erased },
    });
    return after;
  }
}
