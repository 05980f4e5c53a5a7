import type { Metadata } from 'next';
import { ApiKeysView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'API keys' };

export default function ApiKeysPage() {
  return <ApiKeysView />;
}
