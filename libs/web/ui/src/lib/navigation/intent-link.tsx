'use client';
import Link from 'next/link';
import { useState, type ComponentProps } from 'react';

export type IntentLinkProps = Omit<ComponentProps<typeof Link>, 'prefetch'>;

/**
 * A link that prefetches its page when someone shows the intent to follow it (pointer over it, touch, keyboard focus),
 * not as soon as it is on screen. For lists of links that are always there (the sidebar, a board's cards): prefetched
 * on sight, a dozen pages' payloads and scripts would load and run while the page itself is still loading.
 */
export function IntentLink({ onPointerEnter, onTouchStart, onFocus, ...props }: IntentLinkProps) {
  const [intended, setIntended] = useState(false);
  return (
    <Link
      {...props}
      // Once true, Next's own viewport prefetch takes over (the link is on screen): the page is fetched right away.
      prefetch={intended ? null : false}
      onPointerEnter={(event) => {
        setIntended(true);
        onPointerEnter?.(event);
      }}
      onTouchStart={(event) => {
        setIntended(true);
        onTouchStart?.(event);
      }}
      onFocus={(event) => {
        setIntended(true);
        onFocus?.(event);
      }}
    />
  );
}
