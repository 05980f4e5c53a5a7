import { Module } from '@nestjs/common';
import { AuthModule } from '@kassa/api/auth';
import { NotificationTriggers } from './notification-triggers';
import { NotificationsController } from './notifications.controller';
import { NotificationsService } from './notifications.service';
import { RealtimeBroadcaster } from './realtime-broadcaster';
import { RealtimeController } from './realtime.controller';
import { RealtimeEventConsumer } from './realtime-event.consumer';
import { RealtimeGateway } from './realtime.gateway';
import { RealtimeReplayService } from './realtime-replay.service';

/** The `/realtime` socket, the outbox consumer that feeds it, the replay after a reconnect, and notifications. */
@Module({
  imports: [AuthModule],
  controllers: [RealtimeController, NotificationsController],
  providers: [RealtimeGateway, RealtimeBroadcaster, RealtimeEventConsumer, RealtimeReplayService, NotificationsService, NotificationTriggers],
})
export class RealtimeModule {}
