import 'server-only';

/** Where this web server reaches the API (README: KASSA_API_URL). Browsers only ever talk to the web origin. */
export function apiOrigin(): string {
  return (process.env['KASSA_API_URL'] ?? 'http://127.0.0.1:3000').replace(/\/+$/, '');
}
