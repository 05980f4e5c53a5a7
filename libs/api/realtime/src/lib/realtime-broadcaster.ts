import { Injectable, Logger } from '@nestjs/common';
import type { KassaEvent, NotificationPayload, RealtimeServerEvents } from '@kassa/contracts';
import type { Namespace } from 'socket.io';
import { roomsFor, userRoom } from './realtime-rooms';

/**
 * Pushes to rooms across every replica: through the namespace's adapter (Redis when configured), so a socket gets the
 * message whichever replica it is connected to. A message pushed before the namespace exists is dropped: the replay
 * covers it.
 */
@Injectable()
export class RealtimeBroadcaster {
  private readonly logger = new Logger(RealtimeBroadcaster.name);
  private namespace?: Namespace<Record<string, never>, RealtimeServerEvents>;

  attach(namespace: Namespace<Record<string, never>, RealtimeServerEvents>): void {
    this.namespace = namespace;
  }

  event(event: KassaEvent): void {
    const rooms = roomsFor(event);
    if (rooms.length === 0 || !this.namespace) return;
    // One emit to several rooms reaches a socket in more than one of them once.
    this.namespace.to(rooms).emit('event', event);
  }

  notification(userId: string, notification: NotificationPayload): void {
    this.namespace?.to(userRoom(userId)).emit('notification', notification);
  }

  /** Emitting never throws here: a lost push is recovered by the replay, a thrown one would fail the consumer's commit. */
  safely(push: () => void): void {
    try {
      push();
    } catch (error) {
      this.logger.warn({ err: error }, 'realtime push failed');
    }
  }
}
