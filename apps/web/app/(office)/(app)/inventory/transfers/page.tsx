import type { Metadata } from 'next';
import { TransferView } from '@kassa/web/inventory';

export const metadata: Metadata = { title: 'Transfer stock' };

export default function TransferPage() {
  return <TransferView />;
}
