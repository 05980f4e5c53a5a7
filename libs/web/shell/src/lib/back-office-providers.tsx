'use client';
import type { ReactNode } from 'react';
import { SessionRoot } from '@kassa/web/auth';
import { NavigationGuardProvider } from '@kassa/web/ui';

/**
 * The back office's pages (sign-in included, so a session lives on from /login to /dashboard): data, session and the
 * unsaved-work guard. The till loads none of it at first paint; its pairing screen brings its own `SessionRoot`.
 */
export function BackOfficeProviders({ children }: { children: ReactNode }) {
  return (
    <SessionRoot>
      <NavigationGuardProvider>{children}</NavigationGuardProvider>
    </SessionRoot>
  );
}
