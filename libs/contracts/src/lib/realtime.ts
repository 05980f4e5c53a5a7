import type { KassaEvent } from './event-data';

/** The Socket.IO namespace of live updates (DESIGN.md §8). */
export const REALTIME_NAMESPACE = '/realtime';

/**
 * Why the server refused a handshake or ended a session, in `connect_error`'s `data.code` and the `session_ended`
 * message: `token_expired` and `token_revoked` mean "refresh the token, then connect again"; `token_invalid` means sign in.
 */
export const REALTIME_REFUSALS = ['token_missing', 'token_invalid', 'token_expired', 'token_revoked'] as const;
export type RealtimeRefusal = (typeof REALTIME_REFUSALS)[number];

export interface RealtimeRefusalData {
  code: RealtimeRefusal;
  detail: string;
}

export type NotificationSeverity = 'info' | 'warning' | 'critical';

/** A message for one user: pushed live to their `user:` room and kept until they read it. */
export interface NotificationPayload {
  id: string;
  kind: string;
  title: string;
  body: string;
  /** A path in the web app, such as `/inventory?storeId=…`. */
  link: string | null;
  severity: NotificationSeverity;
  createdAt: string;
  readAt: string | null;
}

/** Every message the server sends on the namespace, with its payload. */
export interface RealtimeServerEvents {
  /** An outbox event the socket's rooms may see; `sequence` orders a tenant's events, `id` de-duplicates. */
  event: (event: KassaEvent) => void;
  notification: (notification: NotificationPayload) => void;
  /** The access token expires at `expiresAt`: send `authenticate` with a fresh one before then, or the session ends. */
  reauth: (request: { expiresAt: string }) => void;
  /** Sent just before the server disconnects the socket. */
  session_ended: (reason: RealtimeRefusalData) => void;
}

export type AuthenticateAck = { ok: true; expiresAt: string } | { ok: false; code: RealtimeRefusal };

/** Every message a client may send. */
export interface RealtimeClientEvents {
  authenticate: (request: { token: string }, ack: (answer: AuthenticateAck) => void) => void;
}

/** What a client missed while it was away (GET /api/v1/realtime/replay?after=<sequence>). */
export interface RealtimeReplay {
  /** The events after `after` would include ones past the retention: reload the screens instead. */
  refetch: boolean;
  items: KassaEvent[];
  /** Ask again from here while `more` is true. */
  nextAfter: number;
  more: boolean;
  /** The shop's newest event sequence when this was read: a client without a position yet starts after it. */
  head: number;
}
