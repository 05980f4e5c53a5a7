import type { Metadata } from 'next';
import { WebhooksView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Webhooks' };

export default function WebhooksPage() {
  return <WebhooksView />;
}
