import { EVENT_TYPES, EventEnvelope, EventType } from '@kassa/contracts';

/** Event types every member of the shop sees. */
export const TENANT_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter((type) => /^(product|customer)\./.test(type));

/** Event types of one store (`data.storeId`): its members, and the members of every store. */
export const STORE_EVENT_TYPES: readonly EventType[] = EVENT_TYPES.filter((type) => /^(sale|payment|stock|shift|cash|purchase_order)\./.test(type));

/** Who a socket is, as far as rooms go: a user with the stores they are limited to (none: every store). */
export interface RoomMember {
  tenantId: string;
  userId: string;
  storeIds: readonly string[];
}

export const tenantRoom = (tenantId: string) => `tenant:${tenantId}`;
/** Members of the shop who are not limited to some stores: they see every store's events. */
export const allStoresRoom = (tenantId: string) => `tenant:${tenantId}:all-stores`;
export const storeRoom = (storeId: string) => `store:${storeId}`;
export const userRoom = (userId: string) => `user:${userId}`;

/** The rooms the server puts a socket in, from its token's rights. */
export function roomsOf(member: RoomMember): string[] {
  const stores = member.storeIds.length === 0 ? [allStoresRoom(member.tenantId)] : member.storeIds.map(storeRoom);
  return [tenantRoom(member.tenantId), userRoom(member.userId), ...stores];
}

/** The rooms an event is pushed to, by the fixed map; none for types that are not pushed (e.g. `webhook.disabled`). */
export function roomsFor(event: Pick<EventEnvelope, 'type' | 'tenantId' | 'data'>): string[] {
  if (TENANT_EVENT_TYPES.includes(event.type)) return [tenantRoom(event.tenantId)];
  if (!STORE_EVENT_TYPES.includes(event.type)) return [];
  const storeId = event.data['storeId'];
  // A store event without its store reaches only those who see every store, never a store-limited one.
  return typeof storeId === 'string' ? [storeRoom(storeId), allStoresRoom(event.tenantId)] : [allStoresRoom(event.tenantId)];
}
