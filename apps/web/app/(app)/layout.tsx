import type { ReactNode } from 'react';
import { RealtimeProvider } from '@kassa/web/realtime';
import { AppShell } from '@kassa/web/shell';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return (
    <RealtimeProvider>
      <AppShell>{children}</AppShell>
    </RealtimeProvider>
  );
}
