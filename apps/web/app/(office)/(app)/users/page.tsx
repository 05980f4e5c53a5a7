import type { Metadata } from 'next';
import { UsersView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Users' };

export default function UsersPage() {
  return <UsersView />;
}
