import { INestApplicationContext, Logger } from '@nestjs/common';
import { IoAdapter } from '@nestjs/platform-socket.io';
import { AppConfig } from '@kassa/api/config';
import type { Server, ServerOptions } from 'socket.io';
import { closeNamespaces, SocketAdapterRedis } from './socket-adapter-redis';

/**
 * Socket.IO on the API's own HTTP server (Fastify's underlying Node server), with the sharded Redis adapter when Redis
 * is configured and the in-memory adapter otherwise; WebSocket only when several API processes share the port.
 */
export class RealtimeIoAdapter extends IoAdapter {
  private readonly logger = new Logger('RealtimeAdapter');
  private redis?: SocketAdapterRedis;
  private server?: Server;

  constructor(
    app: INestApplicationContext,
    private readonly config: AppConfig,
  ) {
    super(app);
  }

  async connect(): Promise<void> {
    if (this.config.redis) this.redis = new SocketAdapterRedis(this.config.redis, this.logger);
  }

  override createIOServer(port: number, options?: ServerOptions): Server {
    const server: Server = super.createIOServer(port, {
      ...options,
      cors: { origin: this.config.webOrigins, credentials: true },
      // Several processes share the port (API_WORKERS, decision 0039): a long-polling session's requests could reach
      // different ones, a WebSocket stays on the process that took its connection, so no sticky sessions are needed.
      ...(this.config.apiWorkers > 1 ? { transports: ['websocket' as const] } : {}),
    });
    if (this.redis) server.adapter(this.redis.adapter);
    this.server = server;
    return server;
  }

  /** Sockets and adapters first (their unsubscribes need the connections), then the connections. */
  override async dispose(): Promise<void> {
    if (this.server) {
      this.server.local.disconnectSockets(true);
      await closeNamespaces(this.server);
    }
    await this.redis?.close();
  }
}
