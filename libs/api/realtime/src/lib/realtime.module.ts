import { Module } from '@nestjs/common';
import { AuthModule } from '@kassa/api/auth';
import { HeadlessRealtimeServer } from './headless-realtime-server';
import { NotificationTriggers } from './notification-triggers';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RealtimeBroadcaster } from './realtime-broadcaster';
import { RealtimeController } from './realtime.controller';
import { RealtimeEventConsumer } from './realtime-event.consumer';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeReplayService } from './realtime-replay.service';

/** What pushes: the outbox consumers that feed the rooms and create notifications, in the API and in the worker. */
const CONSUMERS = [RealtimeBroadcaster, RealtimeEventConsumer, NotificationsService, NotificationTriggers];

/** The `/realtime` socket, the outbox consumer that feeds it, the replay after a reconnect, and notifications. */
@Module({
  imports: [AuthModule],
  controllers: [RealtimeController, NotificationsController],
  providers: [RealtimeGateway, RealtimeReplayService, ...CONSUMERS],
})
export class RealtimeModule {}

/**
 * The worker's part (KASSA_ROLE=worker): the same consumers, pushing through a headless Socket.IO server on the shared
 * Redis adapter, so an event or notification the worker takes is pushed live like one an API process takes.
 */
@Module({
  imports: [AuthModule],
  providers: [HeadlessRealtimeServer, ...CONSUMERS],
})
export class RealtimeWorkerModule {}
