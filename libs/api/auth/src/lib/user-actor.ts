import { ROLE_PERMISSIONS, Role } from '@kassa/contracts';
import type { Actor } from '@kassa/api/http';
import type { EntityManager } from 'typeorm';

/** The user as a caller, if they exist and are active: role, permissions and the stores they are limited to. */
export async function loadUserActor(manager: EntityManager, userId: string): Promise<Actor | undefined> {
  const [user]: { role: Role; active: boolean; storeIds: string[] }[] = await manager.query(
    `SELECT u.role, u.active,
            coalesce(array_agg(us.store_id ORDER BY us.store_id) FILTER (WHERE us.store_id IS NOT NULL), '{}') AS "storeIds"
       FROM app_user u
       LEFT JOIN user_store us ON us.tenant_id = u.tenant_id AND us.user_id = u.id
      WHERE u.id = $1
      GROUP BY u.tenant_id, u.id`,
    [userId],
  );
  if (!user?.active) return undefined;
  return { kind: 'user', userId, role: user.role, storeIds: user.storeIds, permissions: ROLE_PERMISSIONS[user.role] };
}
