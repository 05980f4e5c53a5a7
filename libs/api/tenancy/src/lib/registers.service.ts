import { Injectable } from '@nestjs/common';
import { uuidv7 } from '@kassa/contracts';
import { AuditLog, auditScopeOf } from '@kassa/api/audit';
import { isoTime, isUniqueViolation, queryRows } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import type { CreateRegisterDto, RegisterDto, RegisterListDto, UpdateRegisterDto } from './dto/register.dto';
import { assertStoreVisible, canSeeStore } from './store-scope';
import { StoresService } from './stores.service';
import { apiRegisterNotRetirable, registerNameTaken, registerNotFound, registerRetired, storeNotFound } from './tenancy.exception';

const REGISTER_COLUMNS = `r.id, r.store_id AS "storeId", r.name, r.kind, r.last_receipt_number AS "lastReceiptNumber",
  ${isoTime('r.created_at')} AS "createdAt", ${isoTime('r.retired_at')} AS "retiredAt"`;

/** What a sale needs of the register it is rung up on. */
export interface SaleRegister {
  id: string;
  kind: 'pos' | 'api';
}

/** Where a register stands, as a receipt prints it. */
export interface RegisterPlace {
  storeName: string;
  registerName: string;
}

/**
 * The tills of a store. Each numbers its receipts on its own, so registers never wait on each other.
 * Receipt numbers are gapless per register (issue 10): the server numbers an `api` register's sales;
 * a POS register numbers its own (it is the only writer, online and offline), and the server only
 * keeps `last_receipt_number` at the highest it has seen, so a reinstalled tablet resumes after it.
 */
@Injectable()
export class RegistersService {
  constructor(
    private readonly stores: StoresService,
    private readonly audit: AuditLog,
  ) {}

  async list(context: RequestContext, storeId: string): Promise<RegisterListDto> {
    await this.stores.get(context, storeId);
    const items = await queryRows<RegisterDto>(context.manager, `SELECT ${REGISTER_COLUMNS} FROM register r WHERE r.store_id = $1 ORDER BY r.kind, r.name`, [
      storeId,
    ]);
    return { items, nextCursor: null };
  }

  /** A register of a store the caller may see; else 404 `register_not_found` (naming `field` when the id came in a body). */
  async get(context: RequestContext, id: string, field?: string): Promise<RegisterDto> {
    const [register] = await queryRows<RegisterDto>(context.manager, `SELECT ${REGISTER_COLUMNS} FROM register r WHERE r.id = $1`, [id]);
    if (!register || !canSeeStore(context, register.storeId)) throw registerNotFound(field);
    return register;
  }

  /** A register that takes new work (a shift, a pairing): one the caller may see that is not retired (409 `register_retired`). */
  async inUse(context: RequestContext, id: string): Promise<RegisterDto> {
    const register = await this.get(context, id);
    if (register.retiredAt !== null) throw registerRetired();
    return register;
  }

  /**
   * The register a sale (or refund) of the store is rung up on: the one it names, or else the store's `api` register.
   * A retired one refuses online sales; an offline sale already happened on its till, so it is taken as it comes.
   */
  async forSale(context: RequestContext, storeId: string, registerId: string | undefined, offline = false): Promise<SaleRegister> {
    // The store's check and the register's in one statement: a store the caller may use, then its register.
    assertStoreVisible(context, storeId, 'storeId');
    const [found] = await queryRows<{ id: string | null; kind: 'pos' | 'api'; retired: boolean }>(
      context.manager,
      `SELECT r.id, r.kind, r.retired_at IS NOT NULL AS retired
         FROM store s LEFT JOIN register r ON r.tenant_id = s.tenant_id AND r.store_id = s.id AND CASE WHEN $2::uuid IS NULL THEN r.kind = 'api' ELSE r.id = $2 END
        WHERE s.id = $1`,
      [storeId, registerId ?? null],
    );
    if (!found) throw storeNotFound('storeId');
    this.stores.noteUsable(context, storeId);
    if (found.id === null) {
      throw registerNotFound('registerId');
    }
    if (found.retired && !offline) throw registerRetired('registerId');
    return { id: found.id, kind: found.kind };
  }

  /** An `api` register's next number; its row stays locked until the sale commits, so numbers never repeat or skip. */
  async nextReceiptNumber(context: RequestContext, registerId: string): Promise<number> {
    const [register] = await queryRows<{ number: number }>(
      context.manager,
      `UPDATE register SET last_receipt_number = last_receipt_number + 1 WHERE id = $1 RETURNING last_receipt_number AS number`,
      [registerId],
    );
    return register.number;
  }

  /** A POS register's number has arrived: remember it if it is the highest yet. */
  async noteReceiptNumber(context: RequestContext, registerId: string, receiptNumber: number): Promise<void> {
    await context.manager.query(`UPDATE register SET last_receipt_number = $2 WHERE id = $1 AND last_receipt_number < $2`, [registerId, receiptNumber]);
  }

  /** The names a receipt prints for where it was rung up. */
  async placeOf(context: RequestContext, registerId: string): Promise<RegisterPlace> {
    const [place] = await queryRows<RegisterPlace>(
      context.manager,
      `SELECT s.name AS "storeName", r.name AS "registerName"
         FROM register r JOIN store s ON s.tenant_id = r.tenant_id AND s.id = r.store_id WHERE r.id = $1`,
      [registerId],
    );
    if (!place) throw registerNotFound();
    return place;
  }

  async create(context: RequestContext, storeId: string, input: CreateRegisterDto): Promise<RegisterDto> {
    await this.stores.get(context, storeId);
    const [created] = await queryRows<RegisterDto>(
      context.manager,
      `INSERT INTO register AS r (tenant_id, id, store_id, name, kind) VALUES ($1, $2, $3, $4, 'pos') RETURNING ${REGISTER_COLUMNS}`,
      [context.tenantId, uuidv7(), storeId, input.name],
    ).catch((error: unknown) => {
      if (isUniqueViolation(error, 'register_name_key')) {
        throw registerNameTaken(input.name);
      }
      throw error;
    });
    await this.audit.record(auditScopeOf(context), { action: 'create', entityType: 'register', entityId: created.id, after: created });
    return created;
  }

  /** Renames, retires or reactivates a register; its sales, receipts and numbering stay as they are. */
  async update(context: RequestContext, id: string, changes: UpdateRegisterDto): Promise<RegisterDto> {
    const before = await this.get(context, id);
    if (changes.retired === true && before.kind === 'api') throw apiRegisterNotRetirable();
    const retiredChange = changes.retired === undefined || changes.retired === (before.retiredAt !== null) ? undefined : changes.retired;
    if (changes.name === undefined && retiredChange === undefined) return before;
    const [register] = await queryRows<RegisterDto>(
      context.manager,
      `UPDATE register AS r SET name = coalesce($2, r.name),
              retired_at = CASE WHEN $3::boolean IS NULL THEN r.retired_at WHEN $3 THEN now() ELSE NULL END
        WHERE r.id = $1 RETURNING ${REGISTER_COLUMNS}`,
      [id, changes.name ?? null, retiredChange ?? null],
    ).catch((error: unknown) => {
      if (isUniqueViolation(error, 'register_name_key')) throw registerNameTaken(changes.name ?? before.name);
      throw error;
    });
    await this.audit.record(auditScopeOf(context), { action: 'update', entityType: 'register', entityId: id, before, after: register });
    return register;
  }
}
