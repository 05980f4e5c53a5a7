import type { QueryClient } from '@tanstack/react-query';

/**
 * Query keys start with the entity, named as events name their aggregate (`product`, `sale`), so
 * that an event about an aggregate can invalidate every query that shows it.
 */
export const queryKeys = {
  entity: (entity: string) => [entity] as const,
  list: (entity: string, params: object = {}) => [entity, 'list', params] as const,
  detail: (entity: string, id: string) => [entity, 'detail', id] as const,
};

export function invalidateEntity(queryClient: QueryClient, entity: string): Promise<void> {
  return queryClient.invalidateQueries({ queryKey: queryKeys.entity(entity) });
}
