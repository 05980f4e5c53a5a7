/// <reference lib="webworker" />
import {
  CacheFirst,
  ExpirationPlugin,
  NetworkFirst,
  NetworkOnly,
  Serwist,
  StaleWhileRevalidate,
  type PrecacheEntry,
  type RouteHandlerCallbackOptions,
  type SerwistGlobalConfig,
} from 'serwist';
import { apiCacheName, SCOPE_HEADER } from '../lib/api-cache-scope';

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}
declare const self: ServiceWorkerGlobalScope;

const FIVE_MINUTES = 5 * 60;
const ONE_YEAR = 365 * 24 * 60 * 60;

// One strategy per tenant-and-user cache, made on first use.
const apiStrategies = new Map<string, NetworkFirst>();
function apiStrategy(cacheName: string): NetworkFirst {
  let strategy = apiStrategies.get(cacheName);
  if (!strategy) {
    strategy = new NetworkFirst({ cacheName, plugins: [new ExpirationPlugin({ maxAgeSeconds: FIVE_MINUTES, maxEntries: 200 })] });
    apiStrategies.set(cacheName, strategy);
  }
  return strategy;
}

const networkOnly = new NetworkOnly();

/** API GETs: network first, and a copy for five minutes in the caller's own cache; unscoped requests are never cached. */
function handleApiGet(options: RouteHandlerCallbackOptions): Promise<Response> {
  const request = options.request as Request;
  const cacheName = apiCacheName(request.headers.get(SCOPE_HEADER));
  return cacheName ? apiStrategy(cacheName).handle(options) : networkOnly.handle(options);
}

const sameOrigin = (url: URL) => url.origin === self.location.origin;

// A Web Worker's script is left to the network: a response from here loses the URL's #fragment, which
// Turbopack's worker bootstrap reads its chunk list from (the import screen reads files in such a worker).
// Registered before Serwist's listener, so that one never sees the request.
self.addEventListener('fetch', (event) => {
  if (event.request.destination === 'worker') event.stopImmediatePropagation();
});

const serwist = new Serwist({
  precacheEntries: self.__SW_MANIFEST,
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: false,
  runtimeCaching: [
    { matcher: ({ url, request }) => sameOrigin(url) && url.pathname.startsWith('/api/') && request.method === 'GET', handler: handleApiGet },
    { matcher: ({ url }) => sameOrigin(url) && (url.pathname.startsWith('/api/') || url.pathname.startsWith('/session/')), handler: networkOnly },
    {
      matcher: ({ url }) => sameOrigin(url) && /\.(woff2?|ttf|otf)$/.test(url.pathname),
      handler: new CacheFirst({ cacheName: 'fonts', plugins: [new ExpirationPlugin({ maxAgeSeconds: ONE_YEAR, maxEntries: 16 })] }),
    },
    {
      matcher: ({ url }) => sameOrigin(url) && url.pathname.startsWith('/_next/static/'),
      handler: new CacheFirst({ cacheName: 'static', plugins: [new ExpirationPlugin({ maxEntries: 300, maxAgeSeconds: ONE_YEAR })] }),
    },
    {
      matcher: ({ request, url }) => sameOrigin(url) && request.headers.get('RSC') === '1',
      handler: new NetworkFirst({ cacheName: 'pages-rsc', plugins: [new ExpirationPlugin({ maxEntries: 64 })] }),
    },
    {
      matcher: ({ request, url }) => sameOrigin(url) && request.mode === 'navigate',
      handler: new NetworkFirst({ cacheName: 'pages', plugins: [new ExpirationPlugin({ maxEntries: 64 })] }),
    },
    {
      matcher: ({ request, url }) => sameOrigin(url) && request.destination === 'image',
      handler: new StaleWhileRevalidate({ cacheName: 'images', plugins: [new ExpirationPlugin({ maxEntries: 64 })] }),
    },
  ],
  fallbacks: {
    entries: [{ url: '/offline', matcher: ({ request }) => request.destination === 'document' }],
  },
});

serwist.addEventListeners();

// The till's outbox (libs/web/pos): the queue is sent by an open till, which holds the cashier's token in
// memory; Background Sync wakes it when the browser sees the network again. Without open tills, nothing
// can be sent, and the browser retries the sync later when this rejects.
const OUTBOX_SYNC_TAG = 'kassa-outbox';
interface SyncEvent extends ExtendableEvent {
  tag: string;
}
self.addEventListener('sync', (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== OUTBOX_SYNC_TAG) return;
  sync.waitUntil(
    self.clients.matchAll({ type: 'window' }).then((clients) => {
      for (const client of clients) client.postMessage({ type: 'kassa-outbox-sync' });
      if (clients.length === 0) throw new Error('no open till to send the queue');
    }),
  );
});
