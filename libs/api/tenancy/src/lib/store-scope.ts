import { RequestContext } from '@kassa/api/http';
import { storeNotFound } from './tenancy.exception';

/**
 * The stores the caller may see: `undefined` for all of them, otherwise the user's list (a device's, its own store).
 * Every store-scoped query filters through this, so a user limited to stores gets 404 elsewhere.
 */
export function visibleStoreIds(context: Pick<RequestContext, 'actor'>): string[] | undefined {
  const { actor } = context;
  if (actor.kind === 'device') return [actor.storeId];
  return actor.kind === 'user' && actor.storeIds.length > 0 ? actor.storeIds : undefined;
}

export function canSeeStore(context: RequestContext, storeId: string): boolean {
  const visible = visibleStoreIds(context);
  return visible === undefined || visible.includes(storeId);
}

/** Refuses a store filter outside the caller's stores, without asking whether the store exists. */
export function assertStoreVisible(context: RequestContext, storeId: string, field: string): void {
  if (!canSeeStore(context, storeId)) throw storeNotFound(field);
}
