import { CallHandler, ExecutionContext, HttpStatus, Injectable, NestInterceptor } from '@nestjs/common';
import { HTTP_CODE_METADATA } from '@nestjs/common/constants';
import { AppConfig } from '@kassa/api/config';
import { queryRows } from '@kassa/api/database';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { from, lastValueFrom, Observable } from 'rxjs';
import { EntityManager, QueryFailedError } from 'typeorm';
import { requestFingerprint } from './request-fingerprint';
import { idempotencyKeyInFlight, idempotencyKeyReused, idempotencyKeyUnusable } from './idempotency.exception';

const KEY_HEADER = 'idempotency-key';
const ACCEPTABLE_KEY = /^[\x21-\x7e]{1,255}$/;
const LOCK_NOT_AVAILABLE = '55P03';

interface StoredResponse {
  requestHash: Buffer;
  responseStatus: number;
  responseBody: unknown;
}

/**
 * `Idempotency-Key` (DESIGN.md §6, IETF draft semantics): the key's row is written in the request's own
 * transaction, so it exists exactly when the change does. A replay gets the first response; the same key
 * with another body is 422; a concurrent duplicate waits on the first's row lock (bounded by
 * IDEMPOTENCY_WAIT_MS) and then replays — or runs itself if the first failed and left nothing.
 */
@Injectable()
export class IdempotencyInterceptor implements NestInterceptor {
  constructor(private readonly config: AppConfig) {}

  intercept(execution: ExecutionContext, next: CallHandler): Observable<unknown> {
    const request = execution.switchToHttp().getRequest<FastifyRequest>();
    const key = request.headers[KEY_HEADER];
    if (key === undefined) return next.handle();
    if (typeof key !== 'string' || !ACCEPTABLE_KEY.test(key)) {
      throw idempotencyKeyUnusable();
    }
    const context = request.context;
    if (!context) throw new Error('@Idempotent() needs an authenticated route');
    const reply = execution.switchToHttp().getResponse<FastifyReply>();
    const fingerprint = requestFingerprint(request.method, request.routeOptions.url ?? request.url, request.body);
    const successStatus: number =
      Reflect.getMetadata(HTTP_CODE_METADATA, execution.getHandler()) ?? (request.method === 'POST' ? HttpStatus.CREATED : HttpStatus.OK);

    return from(
      (async () => {
        const manager = context.manager;
        const claimed = await this.claim(manager, context.tenantId, key, fingerprint);
        if (!claimed) {
          const stored = await this.stored(manager, key);
          if (!stored.requestHash.equals(fingerprint)) {
            throw idempotencyKeyReused();
          }
          reply.status(stored.responseStatus).header('idempotent-replayed', 'true');
          return stored.responseBody;
        }
        const result = await lastValueFrom(next.handle(), { defaultValue: undefined });
        await manager.query(`UPDATE idempotency_key SET response_status = $2, response_body = $3 WHERE key = $1`, [
          key,
          successStatus,
          result === undefined ? null : JSON.stringify(result),
        ]);
        return result;
      })(),
    );
  }

  /** True when this request holds the key now; false when a finished request did (kept 24 h). */
  private async claim(manager: EntityManager, tenantId: string, key: string, fingerprint: Buffer): Promise<boolean> {
    await manager.query(`SELECT set_config('lock_timeout', $1, true)`, [`${this.config.idempotencyWaitMs}ms`]);
    try {
      await manager.query(`DELETE FROM idempotency_key WHERE key = $1 AND created_at < now() - interval '24 hours'`, [key]);
      const inserted = await queryRows(
        manager,
        `INSERT INTO idempotency_key (tenant_id, key, request_hash, response_status) VALUES ($1, $2, $3, 0)
         ON CONFLICT DO NOTHING RETURNING key`,
        [tenantId, key, fingerprint],
      );
      return inserted.length > 0;
    } catch (error) {
      if (error instanceof QueryFailedError && (error.driverError as { code?: string }).code === LOCK_NOT_AVAILABLE) {
        throw idempotencyKeyInFlight();
      }
      throw error;
    } finally {
      await manager.query(`SELECT set_config('lock_timeout', '0', true)`).catch(() => undefined);
    }
  }

  private async stored(manager: EntityManager, key: string): Promise<StoredResponse> {
    const [row]: StoredResponse[] = await manager.query(
      `SELECT request_hash AS "requestHash", response_status AS "responseStatus", response_body AS "responseBody"
         FROM idempotency_key WHERE key = $1`,
      [key],
    );
    return row;
  }
}
