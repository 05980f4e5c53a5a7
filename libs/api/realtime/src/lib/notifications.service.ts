import { Injectable } from '@nestjs/common';
import { NotificationSeverity, uuidv7 } from '@kassa/contracts';
import { afterCommit, isoTime, queryRows } from '@kassa/api/database';
import { cursorShape, pageRequest, paginate, RequestContext } from '@kassa/api/http';
import type { EntityManager } from 'typeorm';
import type { MarkedReadDto, NotificationDto, NotificationListDto, NotificationQueryDto, UnreadCountDto } from './dto/notification.dto';
import { RealtimeBroadcaster } from './realtime-broadcaster';
import { notAUserForNotifications, notificationNotFound } from './realtime.exception';

const NOTIFICATION_COLUMNS = `n.id, n.kind, n.title, n.body, n.link, n.severity, ${isoTime('n.created_at')} AS "createdAt",
  CASE WHEN n.read_at IS NULL THEN NULL ELSE ${isoTime('n.read_at')} END AS "readAt"`;

/** Newest first. */
const NOTIFICATION_PAGES = cursorShape('notifications', ['uuid']);

export interface NewNotification {
  kind: string;
  title: string;
  body: string;
  link?: string;
  severity: NotificationSeverity;
  eventId?: string;
}

function userIdOf(context: RequestContext): string {
  if (context.actor.kind !== 'user') throw notAUserForNotifications();
  return context.actor.userId;
}

/** Each user's notifications: created in the caller's transaction, pushed to the user's room once it commits. */
@Injectable()
export class NotificationsService {
  constructor(private readonly broadcaster: RealtimeBroadcaster) {}

  async notify(manager: EntityManager, tenantId: string, userIds: readonly string[], notification: NewNotification): Promise<void> {
    if (userIds.length === 0) return;
    const created = await queryRows<NotificationDto & { userId: string }>(
      manager,
      `INSERT INTO notification AS n (tenant_id, id, user_id, kind, title, body, link, severity, event_id)
       SELECT $1, id, user_id, $4, $5, $6, $7, $8, $9 FROM unnest($2::uuid[], $3::uuid[]) AS v (id, user_id)
       RETURNING n.user_id AS "userId", ${NOTIFICATION_COLUMNS}`,
      [
        tenantId,
        userIds.map(() => uuidv7()),
        userIds,
        notification.kind,
        notification.title,
        notification.body,
        notification.link ?? null,
        notification.severity,
        notification.eventId ?? null,
      ],
    );
    afterCommit(manager, () => {
      for (const { userId, ...payload } of created) this.broadcaster.safely(() => this.broadcaster.notification(userId, payload));
    });
  }

  async list(context: RequestContext, query: NotificationQueryDto): Promise<NotificationListDto> {
    const page = pageRequest(query, NOTIFICATION_PAGES);
    const rows = await queryRows<NotificationDto>(
      context.manager,
      `SELECT ${NOTIFICATION_COLUMNS} FROM notification n
        WHERE n.user_id = $1 AND ($2::uuid IS NULL OR n.id < $2) AND (NOT $4 OR n.read_at IS NULL)
        ORDER BY n.id DESC LIMIT $3`,
      [userIdOf(context), page.after?.[0] ?? null, page.fetch, query.filter === 'unread'],
    );
    return paginate(rows, page, (notification) => [notification.id]);
  }

  async unreadCount(context: RequestContext): Promise<UnreadCountDto> {
    const [row] = await queryRows<{ unread: number }>(
      context.manager,
      `SELECT count(*)::int AS unread FROM notification WHERE user_id = $1 AND read_at IS NULL`,
      [userIdOf(context)],
    );
    return row;
  }

  /** Marking a read notification again keeps its first read time. An API key has no notifications: 404 like another user's. */
  async markRead(context: RequestContext, id: string): Promise<NotificationDto> {
    if (context.actor.kind !== 'user') throw notificationNotFound();
    const [notification] = await queryRows<NotificationDto>(
      context.manager,
      `UPDATE notification n SET read_at = coalesce(n.read_at, now()) WHERE n.id = $1 AND n.user_id = $2 RETURNING ${NOTIFICATION_COLUMNS}`,
      [id, context.actor.userId],
    );
    if (!notification) throw notificationNotFound();
    return notification;
  }

  async markAllRead(context: RequestContext): Promise<MarkedReadDto> {
    const marked = await queryRows<{ id: string }>(
      context.manager,
      `UPDATE notification SET read_at = now() WHERE user_id = $1 AND read_at IS NULL RETURNING id`,
      [userIdOf(context)],
    );
    return { marked: marked.length };
  }
}
