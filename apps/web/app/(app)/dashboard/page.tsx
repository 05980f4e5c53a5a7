import type { Metadata } from 'next';
import { DashboardView } from '@kassa/web/dashboard';

export const metadata: Metadata = { title: 'Dashboard' };

export default function DashboardPage() {
  return <DashboardView />;
}
