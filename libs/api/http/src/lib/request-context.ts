import type { Permission, Role } from '@kassa/contracts';
import type { EntityManager } from 'typeorm';

/**
 * Who is calling: a signed-in user, a partner's API key, or a paired till on its own (before anyone
 * signs in on it with a PIN; it holds no permissions and reaches only the device routes).
 */
export type Actor =
  | { kind: 'user'; userId: string; role: Role; storeIds: string[]; permissions: readonly Permission[] }
  | { kind: 'api_key'; apiKeyId: string; permissions: readonly Permission[] }
  | { kind: 'device'; deviceId: string; registerId: string; storeId: string; permissions: readonly Permission[] };

/** What the auth guard establishes before the handler runs. */
export interface Authentication {
  tenantId: string;
  actor: Actor;
  /** The till's register, for a user signed in on a paired device with a PIN. */
  registerId?: string;
}

/**
 * One authenticated request: its tenant, its caller and the open transaction that every query
 * of the request runs in (with `app.tenant_id` already set). Services take it as their first argument.
 */
export interface RequestContext extends Authentication {
  manager: EntityManager;
  requestId: string;
  ip: string;
  userAgent?: string;
}

declare module 'fastify' {
  interface FastifyRequest {
    authentication?: Authentication;
    context?: RequestContext;
  }
}
