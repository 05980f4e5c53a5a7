import { Injectable } from '@nestjs/common';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { isoTime, isUniqueViolation, queryRows, updateSet } from '@kassa/api/database';
import { DomainEvents } from '@kassa/api/events';
import { ApiException, cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import type { CreateCustomerDto, CustomerDetailDto, CustomerDto, CustomerPurchasesDto, CustomerListDto, CustomerQueryDto, UpdateCustomerDto } from './dto/customer.dto';

const CUSTOMER_COLUMNS = `c.id, c.name, c.email, c.phone, c.notes, c.tags, c.marketing_consent AS "marketingConsent",
  c.erased_at IS NOT NULL AS erased, c.version, ${isoTime('c.created_at')} AS "createdAt"`;

const CUSTOMER_PAGES = cursorShape('customers', ['uuid']);

const customerNotFound = () => new ApiException(ErrorCode.CustomerNotFound, 'No such customer.');

function withEmailConflict(email: string | null | undefined) {
  return (error: unknown): never => {
    if (isUniqueViolation(error, 'customer_email_key')) {
      throw new ApiException(ErrorCode.CustomerEmailTaken, 'Another customer has that email.', [
        { field: 'email', message: `${email} belongs to another customer` },
      ]);
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
    const [customer] = await context.manager.query(`SELECT ${CUSTOMER_COLUMNS} FROM customer c WHERE c.id = $1`, [id]);
    if (!customer) throw customerNotFound();
    return customer;
  }

  /** The customer with what they have bought: completed sales in every store, less what was refunded. */
  async detail(context: RequestContext, id: string): Promise<CustomerDetailDto> {
    const customer = await this.get(context, id);
    const [purchases]: CustomerPurchasesDto[] = await context.manager.query(
      `SELECT count(*)::int AS count,
              (coalesce(sum(s.total_minor), 0) - coalesce(sum((SELECT sum(r.total_minor) FROM sale_refund r WHERE r.sale_id = s.id)), 0))::bigint AS "totalMinor",
              ${isoTime('max(s.occurred_at)')} AS "lastPurchaseAt"
         FROM sale s WHERE s.customer_id = $1 AND s.status = 'completed'`,
      [id],
    );
    return { ...customer, purchases };
  }

  async create(context: RequestContext, input: CreateCustomerDto): Promise<CustomerDto> {
    const email = normalizeEmail(input.email) ?? null;
    const [created] = await context.manager
      .query(
        `INSERT INTO customer AS c (tenant_id, id, name, email, phone, notes, tags, marketing_consent)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8) RETURNING ${CUSTOMER_COLUMNS}`,
        [context.tenantId, uuidv7(), input.name, email, input.phone ?? null, input.notes ?? null, input.tags ?? [], input.marketingConsent ?? false],
      )
      .catch(withEmailConflict(email));
    await this.events.record(context, { type: 'customer.created', aggregateType: 'customer', aggregateId: created.id, aggregateVersion: 1, data: { ...created } });
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
    await this.audit.record(auditScopeOf(context), { action: 'delete', entityType: 'customer', entityId: id, metadata: { erased: true, wasErased: before.erased } });
    return after;
  }
}
