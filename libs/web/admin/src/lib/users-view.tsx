'use client';
import { useQuery } from '@tanstack/react-query';
import { useSession } from '@kassa/web/auth';
import styles from './views.module.css';

export function UsersView() {
  const { api, me } = useSession();
  const users = useQuery({
    queryKey: ['users', me?.tenant.id, me?.user.id],
    enabled: me !== undefined,
    queryFn: async () => {
      const { data, error } = await api.http.GET('/api/v1/users');
      if (!data) throw Object.assign(new Error('GET /api/v1/users failed'), { problem: error });
      return data.items;
    },
  });
  return (
    <>
      <h1 className={styles.title}>Users</h1>
      {users.isError && <p role="alert">The users could not be loaded.</p>}
      <table className={styles.table}>
        <caption className={styles.muted}>People who can sign in to {me?.tenant.name}</caption>
        <thead>
          <tr>
            <th scope="col">Name</th>
            <th scope="col">Email</th>
            <th scope="col">Role</th>
          </tr>
        </thead>
        <tbody>
          {(users.data ?? []).map((user) => (
            <tr key={user.id}>
              <td>{user.name}</td>
              <td>{user.email}</td>
              <td>{user.role}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
