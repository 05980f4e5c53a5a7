export { RealtimeModule, RealtimeWorkerModule } from './lib/realtime.module';
export { RealtimeIoAdapter } from './lib/realtime-io-adapter';
