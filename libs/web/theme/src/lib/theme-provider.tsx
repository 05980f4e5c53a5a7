'use client';
import { ThemeProvider as NextThemesProvider } from 'next-themes';
import type { ReactNode } from 'react';

const THEME_STORAGE_KEY = 'kassa-theme';

/** Light, dark or system, remembered on the device and applied before first paint. */
export function ThemeProvider({ children }: { children: ReactNode }) {
  return (
    <NextThemesProvider attribute="data-theme" defaultTheme="system" enableSystem storageKey={THEME_STORAGE_KEY}>
      {children}
    </NextThemesProvider>
  );
}
