import type { Metadata } from 'next';
import { DeadLettersView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Failed deliveries' };

export default function DeadLettersPage() {
  return <DeadLettersView />;
}
