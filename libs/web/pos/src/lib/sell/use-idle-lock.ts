'use client';
import { useEffect, useRef } from 'react';

/** Until the shop setting exists (see docs/progress/20.md): a till left alone this long locks itself. */
export const IDLE_LOCK_MS = 120_000;

/** Calls `onIdle` after `idleMs` without a touch, click or key on the page. */
export function useIdleLock(onIdle: () => void, idleMs = IDLE_LOCK_MS): void {
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
