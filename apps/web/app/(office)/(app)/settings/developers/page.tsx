import type { Metadata } from 'next';
import { DevelopersView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Developers' };

export default function DevelopersPage() {
  return <DevelopersView />;
}
