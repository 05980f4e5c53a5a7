export { cacheScope, purgeApiCaches, SCOPE_HEADER } from './lib/api-cache-scope';
export { InstallButton } from './lib/install-button';
export { ServiceWorkerProvider, useAppUpdate, useClaimAppUpdate } from './lib/service-worker';
export type { AppUpdate } from './lib/service-worker';
export { useOnline } from './lib/use-online';
