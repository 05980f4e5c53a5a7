export { LiveSalesFeed } from './lib/live-sales-feed';
export { NotificationBell } from './lib/notification-bell';
export { RealtimeProvider, useRealtime } from './lib/realtime-provider';
export { RealtimeIndicator } from './lib/realtime-indicator';
export type { EventListener, Realtime } from './lib/realtime-provider';
export { staleQueryKeys } from './lib/stale-queries';
