'use client';
import Link from 'next/link';
import { useState, type ReactNode } from 'react';
import { useSession } from '@kassa/web/auth';
import { useApiMutation, useApiQuery } from '@kassa/web/data-access';
import { Badge, Button, Drawer, EmptyState, ProblemState, ShopLocaleProvider, Skeleton, useShopFormat, type BadgeTone } from '@kassa/web/ui';
import { NOTIFICATION_QUERY_KEY } from './realtime-provider';
import styles from './realtime.module.css';

const SEVERITY: Record<string, { tone: BadgeTone; label: string }> = {
  info: { tone: 'info', label: 'Info' },
  warning: { tone: 'warn', label: 'Warning' },
  critical: { tone: 'error', label: 'Critical' },
};

const BellGlyph = () => (
  <svg
    width="16"
    height="16"
    viewBox="0 0 16 16"
    fill="none"
    stroke="currentColor"
    strokeWidth="1.75"
    strokeLinecap="round"
    aria-hidden="true"
    focusable="false"
  >
    <path d="M4 11V7a4 4 0 0 1 8 0v4l1 1.5H3L4 11zM6.5 14a1.5 1.5 0 0 0 3 0" />
  </svg>
);

/** The top bar sits outside the page's shop locale: times are shown in the shop's zone all the same. */
function InShopLocale({ children }: { children: ReactNode }) {
  const tenant = useSession().me?.tenant;
  return tenant ? <ShopLocaleProvider value={tenant}>{children}</ShopLocaleProvider> : children;
}

function CreatedAt({ instant }: { instant: string }) {
  const format = useShopFormat();
  return (
    <time dateTime={instant} className={styles.muted}>
      {format.dateTime(instant)}
    </time>
  );
}

/** The top bar's bell: how many notifications are unread, and a drawer to read them; kept current by the realtime pushes. */
export function NotificationBell() {
  const [open, setOpen] = useState(false);
  const unread = useApiQuery([...NOTIFICATION_QUERY_KEY, 'unread-count'], (http, signal) => http.GET('/api/v1/notifications/unread-count', { signal }));
  const list = useApiQuery(
    [...NOTIFICATION_QUERY_KEY, 'list'],
    (http, signal) => http.GET('/api/v1/notifications', { params: { query: { limit: 20 } }, signal }),
    {
      enabled: open,
    },
  );
  const invalidates = [NOTIFICATION_QUERY_KEY];
  const markRead = useApiMutation((http, id: string) => http.POST('/api/v1/notifications/{id}/read', { params: { path: { id } } }), { invalidates });
  const markAll = useApiMutation((http) => http.POST('/api/v1/notifications/read-all'), { invalidates });
  const count = unread.data?.unread ?? 0;

  return (
    <>
      <Button variant="ghost" size="small" className={styles.bell} aria-label={`Notifications, ${count} unread`} onClick={() => setOpen(true)}>
        <BellGlyph />
        {count > 0 && (
          <span className={styles.count} aria-hidden="true">
            {count > 99 ? '99+' : count}
          </span>
        )}
      </Button>
      <Drawer
        open={open}
        onOpenChange={setOpen}
        title="Notifications"
        description={count > 0 ? `${count} unread` : 'All read'}
        footer={
          <Button size="small" disabled={count === 0} loading={markAll.isPending} onClick={() => markAll.mutate(undefined)}>
            Mark all read
          </Button>
        }
      >
        {list.isPending ? (
          <Skeleton lines={3} label="Loading notifications" />
        ) : list.isError ? (
          <ProblemState kind={list.error.kind} onRetry={() => void list.refetch()} retrying={list.isFetching} headingLevel={3} />
        ) : list.data.items.length === 0 ? (
          <EmptyState title="Nothing to read" description="Low stock and other alerts for you show here." headingLevel={3} />
        ) : (
          <InShopLocale>
            <ul className={styles.notifications} aria-label="Notifications">
              {list.data.items.map((notification) => {
                const severity = SEVERITY[notification.severity] ?? SEVERITY['info'];
                return (
                  <li key={notification.id} className={styles.notification} data-unread={notification.readAt === null || undefined}>
                    <div className={styles.notificationHead}>
                      <Badge tone={severity.tone}>{severity.label}</Badge>
                      <strong id={`notification-${notification.id}`}>{notification.title}</strong>
                      {notification.readAt === null && <span className={styles.unread}>Unread</span>}
                    </div>
                    <p className={styles.notificationBody}>{notification.body}</p>
                    <div className={styles.notificationActions}>
                      <CreatedAt instant={notification.createdAt} />
                      {notification.link && (
                        <Link
                          href={notification.link}
                          onClick={() => {
                            if (notification.readAt === null) markRead.mutate(notification.id);
                            setOpen(false);
                          }}
                        >
                          Open
                        </Link>
                      )}
                      {notification.readAt === null && (
                        <Button
                          variant="ghost"
                          size="small"
                          onClick={() => markRead.mutate(notification.id)}
                          aria-describedby={`notification-${notification.id}`}
                        >
                          Mark read
                        </Button>
                      )}
                    </div>
                  </li>
                );
              })}
            </ul>
          </InShopLocale>
        )}
      </Drawer>
    </>
  );
}
