import 'server-only';
import { createApiClient } from '@kassa/api-client';

/** The API as the web server reaches it (server components only; browsers come through the same origin later). */
export const serverApi = createApiClient({
  baseUrl: process.env['KASSA_API_URL'] ?? 'http://127.0.0.1:3000',
  timeoutMs: 3_000,
});
