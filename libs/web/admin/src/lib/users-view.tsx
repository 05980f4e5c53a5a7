'use client';
import type { Schemas } from '@kassa/api-client';
import { useSession } from '@kassa/web/auth';
import { queryKeys, useApiQuery } from '@kassa/web/data-access';
import { Badge, DataTable, PageHeader, useDataTableQuery, type DataTableColumn } from '@kassa/web/ui';

type User = Schemas['UserDto'];

const COLUMNS: DataTableColumn<User>[] = [
  { id: 'name', header: 'Name', cell: (user) => user.name, hideable: false },
  { id: 'email', header: 'Email', cell: (user) => user.email },
  { id: 'role', header: 'Role', cell: (user) => user.role },
  { id: 'status', header: 'Status', cell: (user) => <Badge tone={user.active ? 'ok' : 'neutral'}>{user.active ? 'Active' : 'Deactivated'}</Badge> },
];

export function UsersView() {
  const { me } = useSession();
  const table = useDataTableQuery({ pageSize: 50 });
  const { cursor, limit } = table.query;
  const users = useApiQuery(
    queryKeys.list('user', { cursor, limit }),
    (http, signal) => http.GET('/api/v1/users', { params: { query: { cursor, limit } }, signal }),
    {
      keepPrevious: true,
    },
  );
  return (
    <>
      <PageHeader title="Users" description={`People who can sign in to ${me?.tenant.name ?? 'this shop'}.`} />
      <DataTable
        label="Users"
        columns={COLUMNS}
        rowId={(user) => user.id}
        rowLabel={(user) => user.name}
        state={table}
        page={users.data}
        loading={users.isPending}
        refreshing={users.isPlaceholderData}
        failure={users.isError ? { kind: users.error.kind, retry: () => void users.refetch() } : undefined}
        preferencesKey={me ? `users:${me.user.id}` : undefined}
      />
    </>
  );
}
