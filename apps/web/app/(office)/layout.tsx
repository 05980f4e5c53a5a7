import type { ReactNode } from 'react';
import { EarlyRefreshScript } from '@kassa/web/auth/server';
import { BackOfficeProviders } from '@kassa/web/shell';

/** Sign-in, sign-up and the signed-in back office; the till (`(pos)`) stays outside, so none of this weighs on it. */
export default function BackOfficeLayout({ children }: { children: ReactNode }) {
  return (
    <>
      {/* The session is asked for while the scripts download (see EARLY_REFRESH_SCRIPT). */}
      <EarlyRefreshScript />
      <BackOfficeProviders>{children}</BackOfficeProviders>
    </>
  );
}
