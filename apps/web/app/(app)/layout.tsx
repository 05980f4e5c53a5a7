import type { ReactNode } from 'react';
import { AppShell } from '@kassa/web/shell';

export default function SignedInLayout({ children }: { children: ReactNode }) {
  return <AppShell>{children}</AppShell>;
}
