import type { Metadata } from 'next';
import { CustomersView } from '@kassa/web/customers';

export const metadata: Metadata = { title: 'Customers' };

export default function CustomersPage() {
  return <CustomersView />;
}
