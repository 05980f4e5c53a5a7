export * from './lib/outbox';
export * from './lib/outbox-sync';
export * from './lib/queue-file';
