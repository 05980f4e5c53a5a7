'use client';
import { useRouter } from 'next/navigation';
import { useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { EVENT_TYPES } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiMutation, useApiQuery, tablePageOf } from '@kassa/web/data-access';
import { Badge, Button, Checkbox, DataTable, Input, useDataTableQuery, useShopFormat, type DataTableColumn } from '@kassa/web/ui';
import { FormDialog } from './form-dialog';
import { usePickedSet } from './picked-set';
import { SecretDialog } from './secret-reveal';
import { SettingsScreen } from './settings-screen';
import styles from './admin.module.css';

export type Webhook = Schemas['WebhookDto'];
type WebhookEvent = Webhook['events'][number];

export const webhookKeys = {
  all: queryKeys.entity('webhook'),
  detail: (id: string) => queryKeys.detail('webhook', id),
  deliveries: (id: string, params: object) => [...queryKeys.detail('webhook', id), 'deliveries', params] as const,
  delivery: (id: string) => queryKeys.detail('webhook-delivery', id),
};

export const eventsText = (events: readonly string[]) => (events.includes('*') ? 'Every event' : events.join(', '));

/** The shop's webhook endpoints; owners add one with the events it receives and get its signing secret once. */
export function WebhooksView() {
  const { can } = useSession();
  const router = useRouter();
  const format = useShopFormat();
  const allowed = can('webhooks:manage');
  const table = useDataTableQuery({ pageSize: 50 });
  const { cursor, limit } = table.query;
  const webhooks = useApiQuery(
    queryKeys.list('webhook', { cursor, limit }),
    (http, signal) => http.GET('/api/v1/webhooks', { params: { query: { cursor, limit } }, signal }),
    { enabled: allowed, keepPrevious: true },
  );
  const [creating, setCreating] = useState(false);
  const columns: DataTableColumn<Webhook>[] = [
    { id: 'url', header: 'Endpoint', cell: (hook) => <span className={styles.code}>{hook.url}</span>, hideable: false },
    { id: 'events', header: 'Events', cell: (hook) => eventsText(hook.events) },
    {
      id: 'enabled',
      header: 'Status',
      cell: (hook) => <Badge tone={hook.enabled ? 'ok' : 'warn'}>{hook.enabled ? 'Enabled' : hook.disabledReason ? 'Disabled by Kassa' : 'Disabled'}</Badge>,
    },
    { id: 'createdAt', header: 'Added', cell: (hook) => format.dateTime(hook.createdAt) },
  ];
  return (
    <SettingsScreen
      allowed={allowed}
      title="Webhooks"
      description="Kassa posts each event to these endpoints as it happens, signed per Standard Webhooks."
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          Add endpoint
        </Button>
      }
    >
      <DataTable
        label="Webhook endpoints"
        columns={columns}
        rowId={(hook) => hook.id}
        rowLabel={(hook) => hook.url}
        state={table}
        {...tablePageOf(webhooks)}
        onOpen={(hook) => router.push(`/settings/webhooks/${hook.id}`)}
        empty={{ title: 'No endpoints yet', description: 'Add the URL of a system that should hear about sales, products and stock.' }}
      />
      {creating && <CreateWebhookDialog onClose={() => setCreating(false)} />}
    </SettingsScreen>
  );
}

function CreateWebhookDialog({ onClose }: { onClose(): void }) {
  const router = useRouter();
  const [url, setUrl] = useState('');
  const [description, setDescription] = useState('');
  const [picked, toggle] = usePickedSet<WebhookEvent>();
  const [created, setCreated] = useState<Schemas['WebhookWithSecretDto']>();
  const create = useApiMutation((http, body: Schemas['CreateWebhookDto']) => http.POST('/api/v1/webhooks', { body }), { invalidates: [webhookKeys.all] });
  const every = picked.has('*');
  if (created) {
    return (
      <SecretDialog
        title="Endpoint added"
        description="Copy the signing secret into the receiving system now: Kassa shows it only once. Verify every delivery with it."
        label="Signing secret"
        value={created.secret}
        onClose={onClose}
        next={{ label: 'Open the endpoint', onClick: () => router.push(`/settings/webhooks/${created.id}`) }}
      />
    );
  }
  return (
    <FormDialog
      title="Add a webhook endpoint"
      submitLabel="Add endpoint"
      ready={url.trim() !== '' && picked.size > 0}
      busy={create.isPending}
      onSubmit={async () =>
        setCreated(
          await create.mutateAsync({
            url: url.trim(),
            events: every ? ['*'] : [...picked],
            ...(description.trim() ? { description: description.trim() } : {}),
          }),
        )
      }
      onClose={onClose}
    >
      <Input
        label="URL"
        type="url"
        required
        value={url}
        onChange={(event) => setUrl(event.target.value)}
        placeholder="https://partner.example/hooks/kassa"
        data-autofocus
      />
      <Input label="Description" value={description} onChange={(event) => setDescription(event.target.value)} maxLength={200} />
      <fieldset className={styles.choices}>
        <legend>Events</legend>
        <Checkbox label="Every event, including new ones" checked={every} onChange={(event) => toggle('*', event.target.checked)} />
        {EVENT_TYPES.map((type) => (
          <Checkbox
            key={type}
            label={<span className={styles.code}>{type}</span>}
            checked={every || picked.has(type)}
            disabled={every}
            onChange={(event) => toggle(type, event.target.checked)}
          />
        ))}
      </fieldset>
    </FormDialog>
  );
}
