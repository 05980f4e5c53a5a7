export * from './lib/outbox';
export * from './lib/outbox-sync';
