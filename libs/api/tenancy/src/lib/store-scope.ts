import type { RequestContext } from '@kassa/api/http';

/**
 * The stores the caller may see: `undefined` for all of them, otherwise the user's list.
 * Every store-scoped query filters through this, so a user limited to stores gets 404 elsewhere.
 */
export function visibleStoreIds(context: RequestContext): string[] | undefined {
  const { actor } = context;
  return actor.kind === 'user' && actor.storeIds.length > 0 ? actor.storeIds : undefined;
}

export function canSeeStore(context: RequestContext, storeId: string): boolean {
  const visible = visibleStoreIds(context);
  return visible === undefined || visible.includes(storeId);
}
