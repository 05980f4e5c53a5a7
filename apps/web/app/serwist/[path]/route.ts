import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createSerwistRoute } from '@serwist/turbopack';

// Built once per `next build` (the route is static), so each build's app shell gets a new revision.
const revision = randomUUID();
// `next build apps/web` runs from the workspace root; Serwist reads next.config and .next from the app folder.
const appDir = path.join(process.cwd(), 'apps/web');

export const { dynamic, dynamicParams, revalidate, generateStaticParams, GET } = createSerwistRoute({
  cwd: appDir,
  swSrc: path.join(process.cwd(), 'libs/web/pwa/src/worker/service-worker.ts'),
  useNativeEsbuild: true,
  additionalPrecacheEntries: ['/login', '/signup', '/dashboard', '/pos', '/products', '/sales', '/settings', '/users', '/offline'].map((url) => ({
    url,
    revision,
  })),
});
