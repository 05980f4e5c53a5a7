import type { Metadata } from 'next';
import { CustomerView } from '@kassa/web/customers';

export const metadata: Metadata = { title: 'Customer' };

export default function CustomerPage() {
  return <CustomerView />;
}
