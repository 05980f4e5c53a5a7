'use client';
import { useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { PERMISSIONS, type Permission } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiMutation, useApiQuery, tablePageOf } from '@kassa/web/data-access';
import { Button, Checkbox, ConfirmDialog, DataTable, Input, useDataTableQuery, useShopFormat, useToasts, type DataTableColumn } from '@kassa/web/ui';
import { FormDialog } from './form-dialog';
import { usePickedSet } from './picked-set';
import { SecretDialog } from './secret-reveal';
import { SettingsScreen } from './settings-screen';
import styles from './admin.module.css';

type ApiKey = Schemas['ApiKeyDto'];
type CreatedKey = Schemas['CreatedApiKeyDto'];

const keyQueries = [queryKeys.entity('api-key')];

/** Partner API keys: created with permissions picked from the creator's own, shown once, revoked at once. */
export function ApiKeysView() {
  const { me, can } = useSession();
  const format = useShopFormat();
  const toasts = useToasts();
  const allowed = can('api_keys:manage');
  // The API answers every key at once (a shop has a handful).
  const table = useDataTableQuery({ pageSize: 50 });
  const keys = useApiQuery(queryKeys.list('api-key'), (http, signal) => http.GET('/api/v1/api-keys', { signal }), { enabled: allowed });
  const [creating, setCreating] = useState(false);
  const [revoking, setRevoking] = useState<ApiKey>();
  const revoke = useApiMutation((http, id: string) => http.DELETE('/api/v1/api-keys/{id}', { params: { path: { id } } }), { invalidates: keyQueries });

  const columns: DataTableColumn<ApiKey>[] = [
    { id: 'name', header: 'Name', cell: (key) => key.name, hideable: false },
    { id: 'permissions', header: 'Permissions', cell: (key) => <span className={styles.code}>{key.permissions.join(', ')}</span> },
    { id: 'createdAt', header: 'Created', cell: (key) => format.dateTime(key.createdAt) },
    { id: 'lastUsedAt', header: 'Last used', cell: (key) => (key.lastUsedAt ? format.dateTime(key.lastUsedAt) : 'Never') },
    {
      id: 'actions',
      header: 'Actions',
      hideable: false,
      cell: (key) => (
        <Button size="small" variant="danger" onClick={() => setRevoking(key)} aria-label={`Revoke ${key.name}`}>
          Revoke
        </Button>
      ),
    },
  ];

  return (
    <SettingsScreen
      allowed={allowed}
      title="API keys"
      description="Keys let partner systems call the Kassa API with the permissions you give them. Each key is shown once."
      actions={
        <Button variant="primary" onClick={() => setCreating(true)}>
          Create key
        </Button>
      }
    >
      <DataTable
        label="API keys"
        columns={columns}
        rowId={(key) => key.id}
        rowLabel={(key) => key.name}
        state={table}
        {...tablePageOf(keys)}
        empty={{ title: 'No API keys yet', description: 'Create one for each partner system, with only what it needs.' }}
      />
      {creating && (
        <CreateKeyDialog
          permissions={(me?.permissions ?? []).filter((permission): permission is Permission => (PERMISSIONS as readonly string[]).includes(permission))}
          onClose={() => setCreating(false)}
        />
      )}
      <ConfirmDialog
        open={revoking !== undefined}
        onOpenChange={(open) => !open && setRevoking(undefined)}
        title={`Revoke ${revoking?.name ?? 'this key'}?`}
        description="Calls with this key fail at once. This cannot be undone."
        confirmLabel="Revoke key"
        tone="danger"
        onConfirm={async () => {
          if (!revoking) return;
          await revoke.mutateAsync(revoking.id);
          toasts.show({ message: `${revoking.name} is revoked.`, tone: 'success' });
        }}
      />
    </SettingsScreen>
  );
}

function CreateKeyDialog({ permissions, onClose }: { permissions: Permission[]; onClose(): void }) {
  const [name, setName] = useState('');
  const [picked, toggle] = usePickedSet<Permission>();
  const [created, setCreated] = useState<CreatedKey>();
  const create = useApiMutation((http, body: { name: string; permissions: Permission[] }) => http.POST('/api/v1/api-keys', { body }), {
    invalidates: keyQueries,
  });
  if (created) {
    return (
      <SecretDialog
        title={`Key ${created.name} created`}
        description="Copy it now and store it in the partner system: Kassa keeps only a hash and cannot show it again."
        label="API key"
        value={created.key}
        onClose={onClose}
      />
    );
  }
  return (
    <FormDialog
      title="Create an API key"
      submitLabel="Create key"
      ready={name.trim() !== '' && picked.size > 0}
      busy={create.isPending}
      onSubmit={async () =>
        setCreated(await create.mutateAsync({ name: name.trim(), permissions: permissions.filter((permission) => picked.has(permission)) }))
      }
      onClose={onClose}
    >
      <Input label="Name" required value={name} onChange={(event) => setName(event.target.value)} maxLength={100} data-autofocus />
      <fieldset className={styles.choices}>
        <legend>Permissions</legend>
        {permissions.map((permission) => (
          <Checkbox
            key={permission}
            label={<span className={styles.code}>{permission}</span>}
            checked={picked.has(permission)}
            onChange={(event) => toggle(permission, event.target.checked)}
          />
        ))}
      </fieldset>
    </FormDialog>
  );
}
