import { MANAGEABLE_ROLES, permissionsBeyond, Role, ROLE_PERMISSIONS } from '@kassa/contracts';
import { RequestContext } from '@kassa/api/http';
import { visibleStoreIds } from '@kassa/api/tenancy';
import { grantForbidden } from './auth.exception';

/** The role whose management rules a caller follows; API keys manage like managers (cashiers only). */
function managingRole(context: RequestContext): Role {
  return context.actor.kind === 'user' ? context.actor.role : 'manager';
}

/**
 * Whoever creates or edits a user of `role` grants that role's permissions (and, through the invite
 * link, can become that user): the caller's role must be allowed to manage the role, and the caller
 * must hold every permission of it.
 */
export function assertMayGrantRole(context: RequestContext, role: Role, field?: string): void {
  if (!MANAGEABLE_ROLES[managingRole(context)].includes(role)) {
    throw grantForbidden(`You cannot manage users with the role ${role}.`, field, `you cannot assign the role ${role}`);
  }
  const lacking = permissionsBeyond(ROLE_PERMISSIONS[role], context.actor.permissions);
  if (lacking.length > 0) {
    throw grantForbidden(
      `The role ${role} holds permissions you lack: ${lacking.join(', ')}.`,
      field,
      `the role ${role} needs ${lacking.join(', ')}, which you do not have`,
    );
  }
}

/**
 * An empty store list means every store, which a caller limited to some stores does not hold.
 * (Stores outside the caller's own are refused by `StoresService.assertStoresExist`, as if they did not exist.)
 */
export function assertMayGrantStores(context: RequestContext, storeIds: readonly string[], field: string): void {
  if (storeIds.length === 0 && visibleStoreIds(context) !== undefined) {
    throw grantForbidden(
      'You are limited to some stores, so you cannot give access to every store.',
      field,
      'list the stores, from your own; empty means every store',
    );
  }
}
