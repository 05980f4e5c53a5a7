import type { Metadata } from 'next';
import { EventsView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Events' };

export default function EventsPage() {
  return <EventsView />;
}
