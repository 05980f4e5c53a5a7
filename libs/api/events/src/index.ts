export { EventsModule } from './lib/events.module';
export { DomainEvents } from './lib/domain-events.service';
export type { EventWriteContext, NewEvent } from './lib/domain-events.service';
export { EventConsumers } from './lib/event-consumers';
export type { EventConsumer } from './lib/event-consumers';
export { OutboxRelay } from './lib/outbox-relay.service';
export { EventFeedService } from './lib/event-feed.service';
export type { EventVisibility, EventsSince } from './lib/event-feed.service';
