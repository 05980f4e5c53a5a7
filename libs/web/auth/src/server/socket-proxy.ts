import 'server-only';
import { apiOrigin } from './api-origin';

const RELAYED_REQUEST_HEADERS = ['content-type', 'user-agent', 'x-forwarded-for'];

/**
 * Socket.IO's HTTP long-polling through the web origin, like `/api/v1` (decision 0027): a route handler cannot take a
 * WebSocket upgrade, so the browser polls here and each poll is relayed to the API's `/socket.io/` as it streams.
 * The handshake's access token travels inside the Socket.IO packets, never in a header or cookie.
 */
export async function proxySocketRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const headers = new Headers();
  for (const name of RELAYED_REQUEST_HEADERS) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  let response: Response;
  try {
    response = await fetch(`${apiOrigin()}/socket.io/${url.search}`, {
      method: request.method,
      headers,
      body: request.method === 'POST' ? await request.arrayBuffer() : undefined,
      cache: 'no-store',
      redirect: 'manual',
      // A poll held open by the API ends when the browser goes away.
      signal: request.signal,
    });
  } catch {
    return new Response('The API cannot be reached.', { status: 503, headers: { 'content-type': 'text/plain' } });
  }
  return new Response(response.body, {
    status: response.status,
    headers: { 'content-type': response.headers.get('content-type') ?? 'text/plain', 'cache-control': 'no-store' },
  });
}
