export { createApiApp } from './lib/create-api-app';
export type { CreateApiAppOptions } from './lib/create-api-app';
export { startWorker } from './lib/start-worker';
export { AppModule } from './lib/app.module';
export { closeOnSignals } from './lib/close-on-signals';
export { runApiCluster } from './lib/api-cluster';
