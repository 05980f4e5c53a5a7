export { EarlyRefreshScript } from './lib/early-refresh-script';
export { proxyApiRequest } from './server/api-proxy';
export { handleSessionAction } from './server/session-routes';
export { proxySocketRequest } from './server/socket-proxy';
