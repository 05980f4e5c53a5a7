import { proxyApiRequest } from '@kassa/web/auth/server';

// The API's Swagger UI (its page and assets) on the web origin, for the Developers page.
export const dynamic = 'force-dynamic';

export const GET = proxyApiRequest;
