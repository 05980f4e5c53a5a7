import 'server-only';
import { apiOrigin } from './api-origin';
import { forwardedHeaders } from './forwarded-headers';

const RELAYED_RESPONSE_HEADERS = ['content-type', 'x-request-id', 'retry-after', 'etag', 'location'];

/**
 * The browser calls the API through the web origin (`/api/v1/...`): one origin for cookies, CSP and
 * the service worker's caches, and the API's address can change without rebuilding the app.
 */
export async function proxyApiRequest(request: Request): Promise<Response> {
  const url = new URL(request.url);
  const hasBody = request.method !== 'GET' && request.method !== 'HEAD';
  let response: Response;
  try {
    response = await fetch(`${apiOrigin()}${url.pathname}${url.search}`, {
      method: request.method,
      headers: forwardedHeaders(request),
      body: hasBody ? await request.arrayBuffer() : undefined,
      cache: 'no-store',
      redirect: 'manual',
    });
  } catch {
    return Response.json(
      { type: 'about:blank', title: 'Service Unavailable', status: 503, code: 'service_unavailable', detail: 'The API cannot be reached.' },
      { status: 503, headers: { 'content-type': 'application/problem+json' } },
    );
  }
  const headers = new Headers();
  for (const name of RELAYED_RESPONSE_HEADERS) {
    const value = response.headers.get(name);
    if (value) headers.set(name, value);
  }
  return new Response(response.status === 204 ? null : await response.arrayBuffer(), { status: response.status, headers });
}
