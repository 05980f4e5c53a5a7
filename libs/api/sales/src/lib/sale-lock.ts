import { queryRows } from '@kassa/api/database';
import { RequestContext } from '@kassa/api/http';
import { saleVoided } from './sales.exception';

/**
 * Takes the sale's row lock for a change after the sale (refund, void), so those changes to one sale
 * run one at a time, and answers its new version. A voided sale takes no further change.
 */
export async function lockCompletedSale(context: RequestContext, saleId: string): Promise<number> {
  const [sale] = await queryRows<{ version: number }>(
    context.manager,
    `UPDATE sale SET version = version + 1 WHERE id = $1 AND status = 'completed' RETURNING version`,
    [saleId],
  );
  if (!sale) throw saleVoided();
  return sale.version;
}

/** Who records a change on a sale: the signed-in user or the partner's API key (a device alone reaches no sale route). */
export function actorIdOf(context: RequestContext): string {
  const { actor } = context;
  switch (actor.kind) {
    case 'user':
      return actor.userId;
    case 'api_key':
      return actor.apiKeyId;
    case 'device':
      return actor.deviceId;
  }
}

/** The kind of `actorIdOf`'s actor as sales record it; a device token holds no permission on a sale route. */
export function actorTypeOf(context: RequestContext): 'user' | 'api_key' {
  if (context.actor.kind === 'device') throw new Error('a device token reached a sale route');
  return context.actor.kind;
}
