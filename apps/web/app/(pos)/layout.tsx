import type { ReactNode } from 'react';

/** The till's own layout: full screen, no back-office shell (navigation, search, charts) ever loads here. */
export default function TillLayout({ children }: { children: ReactNode }) {
  return children;
}
