'use client';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiQuery } from '@kassa/web/data-access';
import { useShopFormat } from '@kassa/web/ui';
import styles from './admin.module.css';

export type AuditEntry = Schemas['AuditLogDto'];

export const ACTION_LABEL: Record<AuditEntry['action'], string> = {
  create: 'Created',
  update: 'Changed',
  delete: 'Deleted',
  login: 'Signed in',
  logout: 'Signed out',
  view: 'Viewed',
  export: 'Exported',
  import: 'Imported',
  void: 'Voided',
  refund: 'Refunded',
  approve: 'Approved',
  reject: 'Rejected',
  send: 'Sent',
};

/** Who did it, in words: the user's name when the caller may list users, else what kind of actor it was. */
export function useActorName(): (entry: Pick<AuditEntry, 'actorType' | 'actorId'>) => string {
  const { can, me } = useSession();
  const users = useApiQuery(
    queryKeys.list('user', { limit: 200 }),
    (http, signal) => http.GET('/api/v1/users', { params: { query: { limit: 200 } }, signal }),
    {
      enabled: can('users:read'),
    },
  );
  return ({ actorType, actorId }) => {
    if (actorType === 'system') return 'Kassa';
    if (actorType === 'api_key') return 'An API key';
    if (actorId && actorId === me?.user.id) return me.user.name;
    return users.data?.items.find((user) => user.id === actorId)?.name ?? 'A user';
  };
}

/** A stored value as a person reads it: text as it is, nothing as a dash, the rest as compact JSON. */
export function auditValue(value: unknown): string {
  if (value === null || value === undefined || value === '') return '—';
  if (typeof value === 'string') return value;
  return JSON.stringify(value);
}

/** The field-level changes of one entry: each field with its value before and after, side by side. */
export function AuditChanges({ changes }: { changes: AuditEntry['changes'] }) {
  const fields = Object.entries(changes).filter((entry): entry is [string, [unknown, unknown]] => Array.isArray(entry[1]) && entry[1].length === 2);
  if (fields.length === 0) return null;
  return (
    <table className={styles.diff}>
      <thead>
        <tr>
          <th scope="col">Field</th>
          <th scope="col">Before</th>
          <th scope="col">After</th>
        </tr>
      </thead>
      <tbody>
        {fields.map(([field, [before, after]]) => (
          <tr key={field}>
            <th scope="row">{field}</th>
            <td className={styles.before}>{auditValue(before)}</td>
            <td className={styles.after}>{auditValue(after)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** What an entry's metadata says (a refund's reason and total, an export's filters), one fact a line. */
export function AuditMetadata({ metadata }: { metadata: AuditEntry['metadata'] }) {
  const facts = Object.entries(metadata);
  if (facts.length === 0) return null;
  return (
    <dl className={styles.metadata}>
      {facts.map(([key, value]) => (
        <div key={key}>
          <dt>{key}</dt>
          <dd>{auditValue(value)}</dd>
        </div>
      ))}
    </dl>
  );
}

/** The audit trail of one record (a sale, a product), newest first; owners read it (`audit:read`). */
export function AuditTrail({ entityType, entityId, label }: { entityType: string; entityId: string; label: string }) {
  const format = useShopFormat();
  const actorName = useActorName();
  const trail = useApiQuery([...queryKeys.detail(entityType, entityId), 'audit'], (http, signal) =>
    http.GET('/api/v1/audit-logs', { params: { query: { entityType, entityId, limit: 50 } }, signal }),
  );
  if (trail.isError) return <p className={styles.muted}>The history could not be loaded ({trail.error.message}).</p>;
  if (!trail.data) return <p className={styles.muted}>Loading the history…</p>;
  if (trail.data.items.length === 0) return <p className={styles.muted}>Nothing recorded yet.</p>;
  return (
    <ol className={styles.trail} aria-label={label}>
      {trail.data.items.map((entry) => (
        <li key={entry.id} className={styles.trailEntry}>
          <p className={styles.trailHead}>
            <span className={styles.strong}>{ACTION_LABEL[entry.action]}</span>
            <span>by {actorName(entry)}</span>
            <time dateTime={entry.createdAt} className={styles.muted}>
              {format.dateTime(entry.createdAt)}
            </time>
          </p>
          <AuditChanges changes={entry.changes} />
          <AuditMetadata metadata={entry.metadata} />
        </li>
      ))}
    </ol>
  );
}
