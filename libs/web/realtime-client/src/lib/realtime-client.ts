import {
  EventEnvelope,
  NotificationPayload,
  REALTIME_NAMESPACE,
  RealtimeClientEvents,
  RealtimeRefusalData,
  RealtimeReplay,
  RealtimeServerEvents,
} from '@kassa/contracts';
import type { ManagerOptions, Socket, SocketOptions } from 'socket.io-client';
import { BackoffPolicy, backoffDelay, DEFAULT_BACKOFF } from './backoff';
import { EventSequencer } from './event-sequencer';

/** What the connection indicator shows. */
export type RealtimeState = 'connecting' | 'connected' | 'reconnecting' | 'signed-out' | 'closed';

export type RealtimeSocket = Socket<RealtimeServerEvents, RealtimeClientEvents>;
export type SocketFactory = (url: string, options: Partial<ManagerOptions & SocketOptions>) => RealtimeSocket;

export interface RealtimeClientOptions {
  /** The API's origin; the namespace is added. */
  url: string;
  /** socket.io-client's `io` (injected, so the library has no side effects and tests can fake it). */
  io: SocketFactory;
  /** The current access token. */
  token(): string | undefined | Promise<string | undefined>;
  /** A fresh access token after the server said the current one expired or was revoked; undefined when signed out. */
  refreshToken(): Promise<string | undefined>;
  /** GET /api/v1/realtime/replay?after= with the current token. */
  replay(after: number, limit?: number): Promise<RealtimeReplay>;
  onEvent(event: EventEnvelope): void;
  onNotification?(notification: NotificationPayload): void;
  onState?(state: RealtimeState): void;
  /** Events were lost past the retention: reload the screens. */
  onRefetch?(): void;
  backoff?: BackoffPolicy;
  random?: () => number;
  /** Resume from here (e.g. kept across a page reload). */
  lastSequence?: number;
}

const REFRESHABLE = new Set(['token_expired', 'token_revoked']);

/**
 * One realtime connection: authenticates with the access token, re-authenticates when asked, reconnects with
 * exponential back-off and jitter (capped), and after every (re)connect replays what it missed from its last sequence.
 */
export class RealtimeClient {
  private socket?: RealtimeSocket;
  private readonly sequencer: EventSequencer;
  private attempt = 0;
  private timer?: ReturnType<typeof setTimeout>;
  private current: RealtimeState = 'connecting';
  private closed = false;
  private connectedBefore: boolean;

  constructor(private readonly options: RealtimeClientOptions) {
    this.sequencer = new EventSequencer((event) => options.onEvent(event), options.lastSequence ?? 0);
    this.connectedBefore = options.lastSequence !== undefined;
  }

  get state(): RealtimeState {
    return this.current;
  }

  get lastSequence(): number {
    return this.sequencer.lastSequence;
  }

  start(): void {
    this.closed = false;
    void this.connect();
  }

  close(): void {
    this.closed = true;
    clearTimeout(this.timer);
    this.socket?.close();
    this.socket = undefined;
    this.setState('closed');
  }

  private async connect(): Promise<void> {
    if (this.closed) return;
    this.socket?.close();
    const token = await this.options.token();
    if (!token) return this.setState('signed-out');
    // Reconnection is ours (back-off with jitter, a fresh token each time), not the manager's.
    const socket = this.options.io(`${this.options.url}${REALTIME_NAMESPACE}`, {
      auth: { token },
      transports: ['websocket'],
      reconnection: false,
      forceNew: true,
    });
    this.socket = socket;
    socket.on('connect', () => {
      this.attempt = 0;
      this.setState('connected');
      // The first connection follows a fresh load of the screens: nothing was missed yet, but a later replay must
      // resume from where the shop was then, not from the first event pushed (pushes may come out of order).
      if (this.connectedBefore) void this.resync();
      else void this.startFromHead();
      this.connectedBefore = true;
    });
    socket.on('connect_error', (error: Error & { data?: RealtimeRefusalData }) => void this.refused(error.data));
    socket.on('disconnect', () => {
      if (this.socket === socket && !this.closed) this.retryLater();
    });
    socket.on('event', (event) => this.sequencer.live(event));
    socket.on('notification', (notification) => this.options.onNotification?.(notification));
    socket.on('reauth', () => void this.reauthenticate(socket));
    socket.on('session_ended', (reason) => void this.refused(reason));
  }

  private async refused(reason: RealtimeRefusalData | undefined): Promise<void> {
    if (reason && REFRESHABLE.has(reason.code)) {
      const fresh = await this.options.refreshToken().catch(() => undefined);
      if (!fresh) {
        this.socket?.close();
        return this.setState('signed-out');
      }
    } else if (reason?.code === 'token_invalid' || reason?.code === 'token_missing') {
      this.socket?.close();
      return this.setState('signed-out');
    }
    this.retryLater();
  }

  private async reauthenticate(socket: RealtimeSocket): Promise<void> {
    const token = await this.options.refreshToken().catch(() => undefined);
    if (!token) return;
    const answer = await socket
      .timeout(10_000)
      .emitWithAck('authenticate', { token })
      .catch(() => undefined);
    if (answer && !answer.ok) await this.refused({ code: answer.code, detail: '' });
  }

  private retryLater(): void {
    if (this.closed) return;
    clearTimeout(this.timer);
    this.setState('reconnecting');
    const delay = backoffDelay(this.attempt++, this.options.backoff ?? DEFAULT_BACKOFF, this.options.random);
    this.timer = setTimeout(() => void this.connect(), delay);
  }

  private async startFromHead(): Promise<void> {
    const page = await this.options.replay(0, 1).catch(() => undefined);
    if (page) this.sequencer.startAfter(page.head);
  }

  /** Live events wait while the replay pages through what was missed; then both go out in order, each once. */
  private async resync(): Promise<void> {
    if (this.sequencer.lastSequence === 0) {
      // No event seen yet, so no position to replay from: reloading the screens is the resync.
      this.options.onRefetch?.();
      return;
    }
    this.sequencer.startReplay();
    const replayed: EventEnvelope[] = [];
    try {
      let after = this.sequencer.resumeAfter;
      for (;;) {
        const page = await this.options.replay(after);
        if (page.refetch) {
          this.sequencer.resetTo(after);
          this.options.onRefetch?.();
          break;
        }
        replayed.push(...page.items);
        if (!page.more) break;
        after = page.nextAfter;
      }
    } catch {
      // The replay is retried on the next reconnect; live events still flow meanwhile.
    }
    this.sequencer.finishReplay(replayed);
  }

  private setState(state: RealtimeState): void {
    if (state === this.current) return;
    this.current = state;
    this.options.onState?.(state);
  }
}

/**
 * socket.io-client options for a browser on the web app's origin, whose `/socket.io` route relays HTTP long-polling to
 * the API (a route handler takes no WebSocket upgrade; decision 0027). No trailing slash: Next.js would redirect it.
 */
export const WEB_ORIGIN_SOCKET_OPTIONS = { path: '/socket.io', addTrailingSlash: false, transports: ['polling'], upgrade: false } satisfies Partial<
  ManagerOptions & SocketOptions
>;
