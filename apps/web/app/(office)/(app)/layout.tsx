import type { ReactNode } from 'react';
import { ClientErrorReporting } from '@kassa/web/monitoring';
import { RealtimeProvider } from '@kassa/web/realtime';
import { AppShell } from '@kassa/web/shell';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <RealtimeProvider>
      <ClientErrorReporting source="web" />
      <AppShell>{children}</AppShell>
    </RealtimeProvider>
  );
}
