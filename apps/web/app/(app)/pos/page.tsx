import type { Metadata } from 'next';
import { PlaceholderView } from '@kassa/web/shell';

export const metadata: Metadata = { title: 'POS' };

export default function PosPage() {
  return (
    <PlaceholderView title="POS" description="The till arrives with the POS module: scan, take payment, print or email a receipt, and keep selling offline." />
  );
}
