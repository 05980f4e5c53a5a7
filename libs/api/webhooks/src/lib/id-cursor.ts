import { isUuid } from '@kassa/contracts';
import { invalidWebhookField } from './webhooks.exception';

/** Keyset cursors over UUIDv7 ids: the last id of a page, opaque to clients. */
export const encodeIdCursor = (id: string) => Buffer.from(id).toString('base64url');

export function decodeIdCursor(cursor: string | undefined): string | undefined {
  if (cursor === undefined) return undefined;
  const id = Buffer.from(cursor, 'base64url').toString('utf8');
  if (!isUuid(id)) throw invalidWebhookField('cursor', 'cursor must be a nextCursor from a previous page');
  return id;
}
