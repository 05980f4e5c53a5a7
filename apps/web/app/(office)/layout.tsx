import type { ReactNode } from 'react';
import { BackOfficeProviders } from '@kassa/web/shell';

/** Sign-in, sign-up and the signed-in back office; the till (`(pos)`) stays outside, so none of this weighs on it. */
export default function BackOfficeLayout({ children }: { children: ReactNode }) {
  return <BackOfficeProviders>{children}</BackOfficeProviders>;
}
