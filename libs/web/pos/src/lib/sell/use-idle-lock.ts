'use client';
import { useEffect, useRef } from 'react';

/** Calls `onIdle` after `idleMs` (the shop's `tillIdleLockSeconds`) without a touch, click or key on the page. */
export function useIdleLock(onIdle: () => void, idleMs: number): void {
  const callback = useRef(onIdle);
  callback.current = onIdle;
  useEffect(() => {
    let timer = setTimeout(() => callback.current(), idleMs);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(() => callback.current(), idleMs);
    };
    const events = ['pointerdown', 'keydown', 'wheel'] as const;
    for (const name of events) window.addEventListener(name, restart, { passive: true });
    return () => {
      clearTimeout(timer);
      for (const name of events) window.removeEventListener(name, restart);
    };
  }, [idleMs]);
}
