'use client';
import { ConnectionIndicator } from '@kassa/web/ui';
import { useRealtime } from './realtime-provider';

/** The top bar's connection state: offline, online, or live once the realtime socket is connected. */
export function RealtimeIndicator({ online }: { online: boolean }) {
  const { state } = useRealtime();
  return <ConnectionIndicator state={!online ? 'offline' : state === 'connected' ? 'live' : 'online'} />;
}
