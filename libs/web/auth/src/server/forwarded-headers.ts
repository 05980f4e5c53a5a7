/** Request headers passed on to the API, plus who the browser is (for the API's per-address sign-in limits). */
const FORWARDED = ['accept', 'authorization', 'content-type', 'idempotency-key', 'if-match', 'user-agent', 'x-request-id'];

export function forwardedHeaders(request: Request): Headers {
  const headers = new Headers();
  for (const name of FORWARDED) {
    const value = request.headers.get(name);
    if (value) headers.set(name, value);
  }
  const forwardedFor = request.headers.get('x-forwarded-for');
  if (forwardedFor) headers.set('x-forwarded-for', forwardedFor);
  return headers;
}
