import createClient, { type Client } from 'openapi-fetch';
import type { components, paths } from '../generated/openapi';
import { errorOf, KassaApiError } from './kassa-api-error';
import { eachItem } from './pages';
import { retryingFetch, RetryOptions } from './retry';

type Schemas = components['schemas'];
export type KassaHttp = Client<paths>;
type QueryOf<Path extends keyof paths> = paths[Path] extends { get: { parameters: { query?: infer Query } } } ? NonNullable<Query> : never;
type ListQuery<Path extends keyof paths> = Omit<QueryOf<Path>, 'cursor'>;

export interface KassaOptions {
  /** The API's origin, e.g. `https://api.kassa.example` (the OpenAPI document's server). */
  baseUrl: string;
  /** A partner's API key (`kas_…`), or a person's access token. */
  apiKey: string;
  fetch?: typeof fetch;
  /** 429 and 503 are tried again, waiting as Retry-After says. */
  retry?: RetryOptions;
}

/** The result of an openapi-fetch call: its data, or a thrown KassaApiError with the problem's `code`. */
async function dataOf<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
  const { data, error, response } = await call;
  if (response.ok) return data as Data;
  throw errorOf(response.status, error);
}

/** The Kassa SDK: typed calls, API-key auth, retries, and iteration over paged lists. */
export class Kassa {
  /** Every operation of the API, typed from its OpenAPI document (openapi-fetch: `kassa.http.GET('/api/v1/me')`). */
  readonly http: KassaHttp;

  constructor(options: KassaOptions) {
    const fetchImpl = options.fetch ?? globalThis.fetch.bind(globalThis);
    this.http = createClient<paths>({
      baseUrl: options.baseUrl.replace(/\/+$/, ''),
      fetch: retryingFetch(fetchImpl, options.retry),
      headers: { accept: 'application/json', authorization: `Bearer ${options.apiKey}` },
    });
  }

  /** Any call of `http`, its data or a thrown KassaApiError. */
  request<Data>(call: Promise<{ data?: Data; error?: unknown; response: Response }>): Promise<Data> {
    return dataOf(call);
  }

  readonly products = {
    /** Every product matching the query, fetched a page at a time as you iterate. */
    list: (query: ListQuery<'/api/v1/products'> = {}): AsyncGenerator<Schemas['ProductDto']> =>
      eachItem((cursor) => dataOf(this.http.GET('/api/v1/products', { params: { query: { ...query, cursor } } }))),
    get: (id: string) => dataOf(this.http.GET('/api/v1/products/{id}', { params: { path: { id } } })),
    create: (body: Schemas['CreateProductDto']) => dataOf(this.http.POST('/api/v1/products', { body })),
  };

  readonly sales = {
    list: (query: ListQuery<'/api/v1/sales'> = {}): AsyncGenerator<Schemas['SaleDto']> =>
      eachItem((cursor) => dataOf(this.http.GET('/api/v1/sales', { params: { query: { ...query, cursor } } }))),
    get: (id: string) => dataOf(this.http.GET('/api/v1/sales/{id}', { params: { path: { id } } })),
    /** Idempotent on `body.id`: sending the same sale again answers the recorded one. */
    create: (body: Schemas['CreateSaleDto']) => dataOf(this.http.POST('/api/v1/sales', { body })),
  };

  readonly events = {
    /** Every event after `after` (a sequence number) up to now, for catch-up after missed webhooks. */
    since: (after = 0, types?: Schemas['KassaEvent']['type'][]): AsyncGenerator<Schemas['KassaEvent']> => this.eventsSince(after, types),
  };

  readonly webhooks = {
    create: (body: Schemas['CreateWebhookDto']) => dataOf(this.http.POST('/api/v1/webhooks', { body })),
  };

  private async *eventsSince(after: number, types: Schemas['KassaEvent']['type'][] | undefined): AsyncGenerator<Schemas['KassaEvent']> {
    for (let position = after; ;) {
      const page = await dataOf(this.http.GET('/api/v1/events', { params: { query: { after: position, types } } }));
      yield* page.items;
      if (page.items.length === 0 || Number(page.nextCursor) === position) return;
      position = Number(page.nextCursor);
    }
  }
}

export function createKassa(options: KassaOptions): Kassa {
  return new Kassa(options);
}

export { KassaApiError };
