'use client';
import { useEffect, useRef, useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { callApi, useApiAccess } from '@kassa/web/data-access';
import { PageHeader, ProblemState, Skeleton, useShopFormat } from '@kassa/web/ui';
import { SettingsNav } from './settings-nav';
import styles from './admin.module.css';

type ShopEvent = Schemas['KassaEvent'];
const PAGE = 200;
const KEPT = 200;
const POLL_MS = 3_000;

/**
 * The shop's event feed as integrators read it (`GET /events?after=`): caught up page by page from the start, then
 * asked again every few seconds from the last sequence; the newest events on top.
 */
export function EventsView() {
  const { me, can } = useSession();
  const format = useShopFormat();
  const access = useApiAccess();
  const allowed = can('events:read');
  const [events, setEvents] = useState<ShopEvent[]>();
  const [problem, setProblem] = useState<string>();
  const after = useRef(0);
  useEffect(() => {
    if (!allowed) return;
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = async () => {
      try {
        for (;;) {
          const page = await callApi(
            access,
            (http) => http.GET('/api/v1/events', { params: { query: { after: after.current, limit: PAGE } }, signal: controller.signal }),
            controller.signal,
          );
          after.current = Number(page.nextCursor);
          setEvents((shown) => [...page.items.reverse(), ...(shown ?? [])].slice(0, KEPT));
          setProblem(undefined);
          if (page.items.length < PAGE) break;
        }
      } catch (error) {
        if (controller.signal.aborted) return;
        setProblem(error instanceof Error ? error.message : String(error));
      }
      timer = setTimeout(() => void poll(), POLL_MS);
    };
    void poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
  }, [access, allowed]);

  if (!me) return <Skeleton lines={4} label="Loading" />;
  if (!allowed) {
    return (
      <>
        <PageHeader title="Events" />
        <ProblemState kind="forbidden" />
      </>
    );
  }
  return (
    <>
      <PageHeader title="Events" description="What happened in the shop, in the order integrators receive it; new events appear by themselves." />
      <SettingsNav />
      {problem && (
        <p className={styles.notice} role="alert">
          {problem}
        </p>
      )}
      {!events ? (
        <Skeleton lines={6} label="Loading the events" />
      ) : events.length === 0 ? (
        <p className={styles.muted}>No events yet.</p>
      ) : (
        <div className={styles.scroll} tabIndex={0} role="region" aria-label="Event feed">
          <table className={styles.diff}>
            <thead>
              <tr>
                <th scope="col">Sequence</th>
                <th scope="col">Type</th>
                <th scope="col">Record</th>
                <th scope="col">Version</th>
                <th scope="col">When</th>
              </tr>
            </thead>
            <tbody>
              {events.map((event) => (
                <tr key={event.id}>
                  <th scope="row">{event.sequence}</th>
                  <td className={styles.code}>{event.type}</td>
                  <td className={styles.code}>
                    {event.aggregateType} {event.aggregateId}
                  </td>
                  <td>{event.aggregateVersion}</td>
                  <td>{format.dateTime(event.occurredAt, { dateStyle: 'short', timeStyle: 'medium' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </>
  );
}
