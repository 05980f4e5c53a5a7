import { Logger } from '@nestjs/common';
import { OnGatewayConnection, OnGatewayDisconnect, OnGatewayInit, WebSocketGateway } from '@nestjs/websockets';
import { AuthenticateAck, REALTIME_NAMESPACE, RealtimeClientEvents, RealtimeRefusal, RealtimeRefusalData, RealtimeServerEvents } from '@kassa/contracts';
import { AccessTokenSessions } from '@kassa/api/auth';
import { AppConfig } from '@kassa/api/config';
import type { Authentication } from '@kassa/api/http';
import { KassaMetrics } from '@kassa/api/monitoring';
import type { ExtendedError, Namespace, Socket } from 'socket.io';
import { RealtimeBroadcaster } from './realtime-broadcaster';
import { roomsOf } from './realtime-rooms';

interface SocketData {
  authentication: Authentication & { actor: { kind: 'user' } };
  expiresAt: Date;
  timers: NodeJS.Timeout[];
}

type RealtimeSocket = Socket<RealtimeClientEvents, RealtimeServerEvents, Record<string, never>, SocketData>;
type RealtimeNamespace = Namespace<RealtimeClientEvents, RealtimeServerEvents, Record<string, never>, SocketData>;

const REFUSAL_DETAIL: Record<RealtimeRefusal, string> = {
  token_missing: 'Send the access token in the handshake: io(url, { auth: { token } }).',
  token_invalid: 'The access token is not valid: sign in again.',
  token_expired: 'The access token has expired: refresh it and connect again.',
  token_revoked: 'The access token no longer grants access (the user was deactivated or removed).',
};

const refusal = (code: RealtimeRefusal): RealtimeRefusalData => ({ code, detail: REFUSAL_DETAIL[code] });

/**
 * The `/realtime` namespace (DESIGN.md §8). The handshake carries the access token; the server puts the socket in its
 * rooms from the token's rights, asks for a fresh token before it expires and ends the session when none comes.
 */
@WebSocketGateway({ namespace: REALTIME_NAMESPACE })
export class RealtimeGateway implements OnGatewayInit<RealtimeNamespace>, OnGatewayConnection<RealtimeSocket>, OnGatewayDisconnect<RealtimeSocket> {
  private readonly logger = new Logger(RealtimeGateway.name);

  constructor(
    private readonly sessions: AccessTokenSessions,
    private readonly broadcaster: RealtimeBroadcaster,
    private readonly config: AppConfig,
    private readonly metrics: KassaMetrics,
  ) {}

  afterInit(namespace: RealtimeNamespace): void {
    this.broadcaster.attach(namespace);
    namespace.use((socket, next) => {
      this.admit(socket).then(next, (error: unknown) => {
        this.logger.error({ err: error }, 'realtime handshake failed');
        next(new Error('internal_error'));
      });
    });
  }

  handleConnection(socket: RealtimeSocket): void {
    this.metrics.socketConnections.inc();
    void socket.join(this.roomsOf(socket));
    socket.on('authenticate', (request, ack) => {
      this.renew(socket, request?.token).then(
        (answer) => {
          if (typeof ack === 'function') ack(answer);
          // A user deactivated since the handshake: the session ends here rather than at the token's expiry.
          if (!answer.ok && answer.code === 'token_revoked') this.end(socket, 'token_revoked');
        },
        (error: unknown) => this.logger.error({ err: error }, 'realtime re-authentication failed'),
      );
    });
    this.schedule(socket);
  }

  handleDisconnect(socket: RealtimeSocket): void {
    this.metrics.socketConnections.dec();
    this.clearTimers(socket);
  }

  private clearTimers(socket: RealtimeSocket): void {
    for (const timer of socket.data.timers ?? []) clearTimeout(timer);
  }

  /** The handshake's middleware: a refusal reaches the client as `connect_error` with `data: { code, detail }`. */
  private async admit(socket: RealtimeSocket): Promise<ExtendedError | undefined> {
    const token: unknown = socket.handshake.auth?.['token'];
    const session = await this.sessions.open(typeof token === 'string' ? token : undefined);
    if ('refused' in session) return Object.assign(new Error('unauthorized'), { data: refusal(session.refused) });
    const { authentication, expiresAt } = session;
    if (authentication.actor.kind !== 'user') return Object.assign(new Error('unauthorized'), { data: refusal('token_invalid') });
    socket.data = { authentication: authentication as SocketData['authentication'], expiresAt, timers: [] };
    return undefined;
  }

  /** A fresh token for the same user and shop: the session goes on, with rooms from the new token's rights. */
  private async renew(socket: RealtimeSocket, token: unknown): Promise<AuthenticateAck> {
    const session = await this.sessions.open(typeof token === 'string' ? token : undefined);
    if ('refused' in session) return { ok: false, code: session.refused };
    const current = socket.data.authentication;
    const next = session.authentication;
    if (next.tenantId !== current.tenantId || next.actor.kind !== 'user' || next.actor.userId !== current.actor.userId) {
      return { ok: false, code: 'token_invalid' };
    }
    const before = this.roomsOf(socket);
    socket.data.authentication = next as SocketData['authentication'];
    socket.data.expiresAt = session.expiresAt;
    const after = this.roomsOf(socket);
    for (const room of before.filter((room) => !after.includes(room))) void socket.leave(room);
    void socket.join(after);
    this.schedule(socket);
    return { ok: true, expiresAt: session.expiresAt.toISOString() };
  }

  private roomsOf(socket: RealtimeSocket): string[] {
    const { tenantId, actor } = socket.data.authentication;
    return roomsOf({ tenantId, userId: actor.userId, storeIds: actor.storeIds });
  }

  /** Asks for a fresh token REALTIME_REAUTH_GRACE_SECONDS before the current one expires; ends the session when it does. */
  private schedule(socket: RealtimeSocket): void {
    this.clearTimers(socket);
    const expiresAt = socket.data.expiresAt;
    const untilExpiry = expiresAt.getTime() - Date.now();
    const untilAsk = Math.max(0, untilExpiry - this.config.realtime.reauthGraceSeconds * 1000);
    socket.data.timers = [
      setTimeout(() => socket.emit('reauth', { expiresAt: expiresAt.toISOString() }), untilAsk).unref(),
      setTimeout(() => this.end(socket, 'token_expired'), Math.max(0, untilExpiry)).unref(),
    ];
  }

  private end(socket: RealtimeSocket, code: RealtimeRefusal): void {
    socket.emit('session_ended', refusal(code));
    socket.disconnect(true);
  }
}
