import createClient, { type Client } from 'openapi-fetch';
import type { HealthReport } from '@kassa/contracts';
import type { components, paths } from './generated/openapi';

/** Request and response bodies as the API's OpenAPI document names them (`Schemas['MeDto']`). */
export type Schemas = components['schemas'];
/** The typed client over every path of the API (openapi-fetch: `GET('/api/v1/me')`, `POST(...)`). */
export type KassaHttp = Client<paths>;

export interface ApiClientOptions {
  /** The API's origin, e.g. `http://127.0.0.1:3000`, or the web app's origin that proxies it. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Gives up on a request after this long. */
  timeoutMs?: number;
  /** The bearer credential for each request: an access token or a partner's `kas_…` API key. */
  credential?: () => string | undefined | Promise<string | undefined>;
  /** Extra headers on every request. */
  headers?: () => Record<string, string>;
}

/** What the client learned from `/health/ready`: reachable and ready, reachable but degraded, or not reachable. */
export type Readiness = { state: 'up'; report: HealthReport } | { state: 'degraded'; report: HealthReport } | { state: 'unreachable'; reason: string };

/** Typed access to the Kassa API for the web app and partners, generated from its OpenAPI document. */
export class ApiClient {
  readonly http: KassaHttp;

  constructor(options: ApiClientOptions) {
    const timeoutMs = options.timeoutMs ?? 5_000;
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.http = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      // A fresh timeout per request: a signal made once would expire for every later call.
      fetch: (request: Request) => fetchImpl(request, { signal: AbortSignal.any([request.signal, AbortSignal.timeout(timeoutMs)]) }),
      headers: { accept: 'application/json' },
    });
    this.http.use({
      async onRequest({ request }) {
        const credential = await options.credential?.();
        if (credential) request.headers.set('authorization', `Bearer ${credential}`);
        for (const [name, value] of Object.entries(options.headers?.() ?? {})) request.headers.set(name, value);
        return request;
      },
    });
  }

  async readiness(): Promise<Readiness> {
    try {
      const { data, error, response } = await this.http.GET('/health/ready', { cache: 'no-store', parseAs: 'json' });
      if (response.status !== 200 && response.status !== 503) {
        return { state: 'unreachable', reason: `unexpected status ${response.status}` };
      }
      const report = (response.status === 200 ? data : error) as unknown as HealthReport;
      return { state: response.status === 200 ? 'up' : 'degraded', report };
    } catch (error) {
      return { state: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
    }
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  return new ApiClient(options);
}
