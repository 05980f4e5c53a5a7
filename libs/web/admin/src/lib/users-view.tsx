'use client';
import { useState } from 'react';
import type { Schemas } from '@kassa/api-client';
import { MANAGEABLE_ROLES, type Role } from '@kassa/contracts';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiMutation, useApiQuery } from '@kassa/web/data-access';
import {
  Badge,
  Button,
  Checkbox,
  DataTable,
  Dialog,
  Input,
  PageHeader,
  Select,
  Switch,
  useDataTableQuery,
  useToasts,
  type DataTableColumn,
} from '@kassa/web/ui';
import { SecretReveal } from './secret-reveal';
import styles from './admin.module.css';

type User = Schemas['UserDto'];
type Store = Schemas['MeStoreDto'];

const ROLE_LABEL: Record<Role, string> = { owner: 'Owner', manager: 'Manager', cashier: 'Cashier' };
const userQueries = [queryKeys.entity('user')];

/** People who can sign in: invite one, change their role and stores within the caller's own, deactivate, clear a PIN. */
export function UsersView() {
  const { me, can } = useSession();
  const table = useDataTableQuery({ pageSize: 50 });
  const { cursor, limit } = table.query;
  const users = useApiQuery(
    queryKeys.list('user', { cursor, limit }),
    (http, signal) => http.GET('/api/v1/users', { params: { query: { cursor, limit } }, signal }),
    { keepPrevious: true },
  );
  const [inviting, setInviting] = useState(false);
  const [editing, setEditing] = useState<User>();
  const manageable: readonly Role[] = me && can('users:manage') ? (MANAGEABLE_ROLES[me.role as Role] ?? []) : [];
  const stores = me?.stores ?? [];
  const storeNames = (user: User) =>
    user.storeIds.length === 0 ? 'All stores' : user.storeIds.map((id) => stores.find((store) => store.id === id)?.name ?? 'Another store').join(', ');
  const columns: DataTableColumn<User>[] = [
    { id: 'name', header: 'Name', cell: (user) => user.name, hideable: false },
    { id: 'email', header: 'Email', cell: (user) => user.email },
    { id: 'role', header: 'Role', cell: (user) => ROLE_LABEL[user.role] },
    { id: 'stores', header: 'Stores', cell: storeNames },
    { id: 'status', header: 'Status', cell: (user) => <Badge tone={user.active ? 'ok' : 'neutral'}>{user.active ? 'Active' : 'Deactivated'}</Badge> },
  ];
  return (
    <>
      <PageHeader
        title="Users"
        description={`People who can sign in to ${me?.tenant.name ?? 'this shop'}.`}
        actions={
          manageable.length > 0 && (
            <Button variant="primary" onClick={() => setInviting(true)}>
              Invite user
            </Button>
          )
        }
      />
      <DataTable
        label="Users"
        columns={columns}
        rowId={(user) => user.id}
        rowLabel={(user) => user.name}
        state={table}
        page={users.data}
        loading={users.isPending}
        refreshing={users.isPlaceholderData}
        failure={users.isError ? { kind: users.error.kind, retry: () => void users.refetch() } : undefined}
        onOpen={manageable.length > 0 ? (user) => manageable.includes(user.role) && user.id !== me?.user.id && setEditing(user) : undefined}
        preferencesKey={me ? `users:${me.user.id}` : undefined}
      />
      {inviting && <InviteDialog roles={manageable} stores={stores} limited={(me?.user.storeIds.length ?? 0) > 0} onClose={() => setInviting(false)} />}
      {editing && (
        <EditUserDialog user={editing} roles={manageable} stores={stores} limited={(me?.user.storeIds.length ?? 0) > 0} onClose={() => setEditing(undefined)} />
      )}
    </>
  );
}

/** Store checkboxes: none ticked means every store, which only a caller who works in every store may give. */
function StoreChoice({ stores, value, onChange, limited }: { stores: Store[]; value: string[]; onChange(ids: string[]): void; limited: boolean }) {
  return (
    <fieldset className={styles.choices}>
      <legend>{limited ? 'Stores (pick at least one)' : 'Stores (none ticked: every store)'}</legend>
      {stores.map((store) => (
        <Checkbox
          key={store.id}
          label={store.name}
          checked={value.includes(store.id)}
          onChange={(event) => onChange(event.target.checked ? [...value, store.id] : value.filter((id) => id !== store.id))}
        />
      ))}
    </fieldset>
  );
}

function InviteDialog({ roles, stores, limited, onClose }: { roles: readonly Role[]; stores: Store[]; limited: boolean; onClose(): void }) {
  const [name, setName] = useState('');
  const [email, setEmail] = useState('');
  const [role, setRole] = useState<Role>(roles.includes('cashier') ? 'cashier' : roles[0]);
  const [storeIds, setStoreIds] = useState<string[]>([]);
  const [invite, setInvite] = useState<Schemas['CreatedUserDto']>();
  const [problem, setProblem] = useState<string>();
  const create = useApiMutation((http, body: Schemas['CreateUserDto']) => http.POST('/api/v1/users', { body }), { invalidates: userQueries });
  const submit = async () => {
    setProblem(undefined);
    try {
      setInvite(await create.mutateAsync({ name: name.trim(), email: email.trim(), role, storeIds }));
    } catch (error) {
      setProblem(error instanceof Error ? error.message : String(error));
    }
  };
  if (invite) {
    return (
      <Dialog
        open
        onOpenChange={(open) => !open && onClose()}
        title={`${invite.user.name} is invited`}
        description="The link was mailed to them. You can also pass it on yourself: it sets their password once."
        footer={
          <Button variant="primary" onClick={onClose}>
            Done
          </Button>
        }
      >
        <SecretReveal label="Invite link" value={invite.invite.url} />
      </Dialog>
    );
  }
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !create.isPending && onClose()}
      title="Invite a user"
      footer={
        <>
          <Button onClick={onClose} disabled={create.isPending}>
            Cancel
          </Button>
          <Button
            variant="primary"
            onClick={() => void submit()}
            loading={create.isPending}
            disabled={!name.trim() || !email.trim() || (limited && storeIds.length === 0)}
          >
            Send invite
          </Button>
        </>
      }
    >
      <div className={styles.dialogForm}>
        <Input label="Name" required value={name} onChange={(event) => setName(event.target.value)} autoComplete="off" data-autofocus />
        <Input label="Email" type="email" required value={email} onChange={(event) => setEmail(event.target.value)} autoComplete="off" />
        <Select
          label="Role"
          options={roles.map((value) => ({ value, label: ROLE_LABEL[value] }))}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
        />
        <StoreChoice stores={stores} value={storeIds} onChange={setStoreIds} limited={limited} />
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}

function EditUserDialog({ user, roles, stores, limited, onClose }: { user: User; roles: readonly Role[]; stores: Store[]; limited: boolean; onClose(): void }) {
  const toasts = useToasts();
  const [role, setRole] = useState<Role>(user.role);
  const [storeIds, setStoreIds] = useState<string[]>(user.storeIds);
  const [active, setActive] = useState(user.active);
  const [problem, setProblem] = useState<string>();
  const save = useApiMutation((http, body: Schemas['UpdateUserDto']) => http.PATCH('/api/v1/users/{id}', { params: { path: { id: user.id } }, body }), {
    invalidates: userQueries,
  });
  const clearPin = useApiMutation((http) => http.DELETE('/api/v1/users/{id}/pin', { params: { path: { id: user.id } } }));
  const failed = (error: unknown) => setProblem(error instanceof Error ? error.message : String(error));
  const submit = async () => {
    setProblem(undefined);
    try {
      await save.mutateAsync({ role, storeIds, active });
      toasts.show({ message: `${user.name} is saved.`, tone: 'success' });
      onClose();
    } catch (error) {
      failed(error);
    }
  };
  return (
    <Dialog
      open
      onOpenChange={(open) => !open && !save.isPending && onClose()}
      title={`Edit ${user.name}`}
      description={user.email}
      footer={
        <>
          <Button
            onClick={() =>
              void clearPin
                .mutateAsync(undefined)
                .then(() => toasts.show({ message: `${user.name}'s PIN is cleared; they set a new one at the till.`, tone: 'success' }), failed)
            }
            loading={clearPin.isPending}
          >
            Clear PIN
          </Button>
          <Button onClick={onClose} disabled={save.isPending}>
            Cancel
          </Button>
          <Button variant="primary" onClick={() => void submit()} loading={save.isPending} disabled={limited && storeIds.length === 0}>
            Save
          </Button>
        </>
      }
    >
      <div className={styles.dialogForm}>
        <Select
          label="Role"
          options={roles.map((value) => ({ value, label: ROLE_LABEL[value] }))}
          value={role}
          onChange={(event) => setRole(event.target.value as Role)}
          data-autofocus
        />
        <StoreChoice stores={stores} value={storeIds} onChange={setStoreIds} limited={limited} />
        <Switch label="Active" description="Deactivated users cannot sign in; their history stays." checked={active} onChange={setActive} />
        {problem && (
          <p className={styles.notice} role="alert">
            {problem}
          </p>
        )}
      </div>
    </Dialog>
  );
}
