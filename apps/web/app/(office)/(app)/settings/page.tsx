import type { Metadata } from 'next';
import { SettingsView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Settings' };

export default function SettingsPage() {
  return <SettingsView />;
}
