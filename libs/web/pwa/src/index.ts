export { cacheScope, purgeApiCaches, SCOPE_HEADER } from './lib/api-cache-scope';
export { InstallButton } from './lib/install-button';
export { ServiceWorkerProvider } from './lib/service-worker';
export { useOnline } from './lib/use-online';
