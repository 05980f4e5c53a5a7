export { RealtimeClient, WEB_ORIGIN_SOCKET_OPTIONS } from './lib/realtime-client';
export type { RealtimeClientOptions, RealtimeSocket, RealtimeState, SocketFactory } from './lib/realtime-client';
export { backoffDelay, DEFAULT_BACKOFF } from './lib/backoff';
export type { BackoffPolicy } from './lib/backoff';
export { EventSequencer } from './lib/event-sequencer';
