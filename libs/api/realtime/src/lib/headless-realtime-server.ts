import { Injectable, Logger, OnApplicationShutdown, OnModuleInit } from '@nestjs/common';
import { REALTIME_NAMESPACE, RealtimeServerEvents } from '@kassa/contracts';
import { AppConfig } from '@kassa/api/config';
import { Server } from 'socket.io';
import { RealtimeBroadcaster } from './realtime-broadcaster';
import { closeNamespaces, SocketAdapterRedis } from './socket-adapter-redis';

/**
 * The worker's Socket.IO server: bound to no port and holding no sockets, only the same Redis adapter as the API's,
 * so what the worker's consumers push reaches the sockets of every API replica (decision 0027).
 */
@Injectable()
export class HeadlessRealtimeServer implements OnModuleInit, OnApplicationShutdown {
  private readonly logger = new Logger(HeadlessRealtimeServer.name);
  private readonly server = new Server<Record<string, never>, RealtimeServerEvents>();
  private redis?: SocketAdapterRedis;

  constructor(
    private readonly config: AppConfig,
    private readonly broadcaster: RealtimeBroadcaster,
  ) {}

  onModuleInit(): void {
    if (this.config.redis) {
      this.redis = new SocketAdapterRedis(this.config.redis, this.logger);
      this.server.adapter(this.redis.adapter);
    }
    this.broadcaster.attach(this.server.of(REALTIME_NAMESPACE));
  }

  async onApplicationShutdown(): Promise<void> {
    await closeNamespaces(this.server);
    await this.redis?.close();
  }
}
