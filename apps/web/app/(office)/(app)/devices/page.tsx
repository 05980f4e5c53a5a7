import type { Metadata } from 'next';
import { DevicesView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Devices' };

export default function DevicesPage() {
  return <DevicesView />;
}
