import type { Metadata } from 'next';
import { Suspense } from 'react';
import { AuditLogView } from '@kassa/web/admin';

export const metadata: Metadata = { title: 'Audit log' };

// The filters can come from the address (`?entityType=product&entityId=…`), read on the client.
export default function AuditLogPage() {
  return (
    <Suspense>
      <AuditLogView />
    </Suspense>
  );
}
