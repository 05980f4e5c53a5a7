import type { Metadata } from 'next';
import { TillApp } from '@kassa/web/pos';

export const metadata: Metadata = { title: 'Till' };

export default function TillPage() {
  return <TillApp />;
}
