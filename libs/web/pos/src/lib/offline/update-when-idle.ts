'use client';
import { useEffect } from 'react';
import { useAppUpdate } from '@kassa/web/pwa';
import { mayUpdate, type TillActivity } from './till-activity';

/** Applies a waiting new version as soon as the till is idle (the page reloads into it). */
export function useUpdateWhenIdle(activity: TillActivity): void {
  const update = useAppUpdate();
  const idle = mayUpdate(activity);
  useEffect(() => {
    if (update.ready && idle) update.apply();
  }, [update, idle]);
}
