import type { Metadata, Viewport } from 'next';
import type { ReactNode } from 'react';
import { AppProviders } from '@kassa/web/shell/providers';
import { THEME_COLORS, THEME_TOKENS_CSS } from '@kassa/web/theme';
import { inter } from './fonts';
import './globals.css';

export const metadata: Metadata = {
  title: { default: 'Kassa', template: '%s · Kassa' },
  description: 'Point of sale and back office for independent shops.',
  applicationName: 'Kassa',
  appleWebApp: { capable: true, title: 'Kassa', statusBarStyle: 'default' },
  icons: { icon: '/icons/icon-192.png', apple: '/icons/apple-touch-icon.png' },
};

export const viewport: Viewport = {
  themeColor: [
    { media: '(prefers-color-scheme: light)', color: THEME_COLORS.light.bg },
    { media: '(prefers-color-scheme: dark)', color: THEME_COLORS.dark.bg },
  ],
};

export default function RootLayout({ children }: { children: ReactNode }) {
  return (
    // next-themes sets data-theme on <html> before React hydrates.
    <html lang="en" className={inter.variable} suppressHydrationWarning>
      <head>
        <style dangerouslySetInnerHTML={{ __html: THEME_TOKENS_CSS }} />
      </head>
      <body>
        <AppProviders>{children}</AppProviders>
      </body>
    </html>
  );
}
