import type { Metadata } from 'next';
import { DashboardView } from '@kassa/web/dashboard';
import { LiveSalesFeed } from '@kassa/web/realtime';

export const metadata: Metadata = { title: 'Dashboard' };

export default function DashboardPage() {
  return <DashboardView liveSalesFeed={<LiveSalesFeed />} />;
}
