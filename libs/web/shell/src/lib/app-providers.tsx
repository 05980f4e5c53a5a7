'use client';
import type { ReactNode } from 'react';
import { ServiceWorkerProvider } from '@kassa/web/pwa';
import { ShortcutsProvider } from '@kassa/web/shortcuts';
import { ThemeProvider } from '@kassa/web/theme';
import { ToastProvider } from '@kassa/web/ui';

/** What every page runs inside, the till included: theme, notifications, service worker, shortcuts. */
export function AppProviders({ children }: { children: ReactNode }) {
  return (
    <ThemeProvider>
      <ToastProvider>
        <ServiceWorkerProvider>
          <ShortcutsProvider>{children}</ShortcutsProvider>
        </ServiceWorkerProvider>
      </ToastProvider>
    </ThemeProvider>
  );
}
