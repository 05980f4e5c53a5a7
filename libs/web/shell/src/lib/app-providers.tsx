'use client';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { SessionProvider } from '@kassa/web/auth';
import { ServiceWorkerProvider } from '@kassa/web/pwa';
import { ShortcutsProvider } from '@kassa/web/shortcuts';
import { ThemeProvider } from '@kassa/web/theme';
import { NavigationGuardProvider, ToastProvider } from '@kassa/web/ui';

/** Everything every page runs inside: theme, data, notifications, service worker, shortcuts, unsaved-work guard, session. */
export function AppProviders({ children }: { children: ReactNode }) {
  const [queryClient] = useState(() => new QueryClient({ defaultOptions: { queries: { staleTime: 30_000, networkMode: 'always' } } }));
  return (
    <ThemeProvider>
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <ServiceWorkerProvider>
            <ShortcutsProvider>
              <NavigationGuardProvider>
                <SessionProvider>{children}</SessionProvider>
              </NavigationGuardProvider>
            </ShortcutsProvider>
          </ServiceWorkerProvider>
        </ToastProvider>
      </QueryClientProvider>
    </ThemeProvider>
  );
}
