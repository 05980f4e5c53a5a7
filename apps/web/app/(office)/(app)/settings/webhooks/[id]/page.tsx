import type { Metadata } from 'next';
import { WebhookView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Webhook' };

export default function WebhookPage() {
  return <WebhookView />;
}
