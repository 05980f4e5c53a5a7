import type { HealthReport, SystemInfo } from '@kassa/contracts';

export interface ApiClientOptions {
  /** The API's origin, e.g. `http://127.0.0.1:3000`. */
  baseUrl: string;
  fetch?: typeof fetch;
  /** Gives up on a request after this long. */
  timeoutMs?: number;
}

/** What the client learned from `/health/ready`: reachable and ready, reachable but degraded, or not reachable. */
export type Readiness =
  | { state: 'up'; report: HealthReport }
  | { state: 'degraded'; report: HealthReport }
  | { state: 'unreachable'; reason: string };

/** Typed access to the Kassa API for the web app and partners. Grows with the API. */
export class ApiClient {
  private readonly fetch: typeof fetch;
  private readonly baseUrl: string;
  private readonly timeoutMs: number;

  constructor(options: ApiClientOptions) {
    this.baseUrl = options.baseUrl.replace(/\/+$/, '');
    this.fetch = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.timeoutMs = options.timeoutMs ?? 5_000;
  }

  async readiness(): Promise<Readiness> {
    let response: Response;
    try {
      response = await this.get('/health/ready');
    } catch (error) {
      return { state: 'unreachable', reason: error instanceof Error ? error.message : String(error) };
    }
    if (response.status !== 200 && response.status !== 503) {
      return { state: 'unreachable', reason: `unexpected status ${response.status}` };
    }
    const report = (await response.json()) as HealthReport;
    return { state: response.status === 200 ? 'up' : 'degraded', report };
  }

  async systemInfo(): Promise<SystemInfo> {
    const response = await this.get('/api/v1/system');
    if (!response.ok) throw new Error(`GET /api/v1/system answered ${response.status}`);
    return (await response.json()) as SystemInfo;
  }

  private get(path: string): Promise<Response> {
    return this.fetch(`${this.baseUrl}${path}`, {
      headers: { accept: 'application/json' },
      cache: 'no-store',
      signal: AbortSignal.timeout(this.timeoutMs),
    });
  }
}

export function createApiClient(options: ApiClientOptions): ApiClient {
  return new ApiClient(options);
}
