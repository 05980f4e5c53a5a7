import { Inject, Injectable, OnApplicationShutdown } from '@nestjs/common';
import type { LookupAddress, LookupOptions } from 'node:dns';
import { isIP } from 'node:net';
import { Agent } from 'undici';
import { hostOf, WebhookTargetPolicy } from './webhook-target-policy';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

/** What one attempt got back: a status with the first 4 KiB of the body, or the error that ended it. */
export interface WebhookResponse {
  statusCode?: number;
  retryAfter?: string;
  excerpt?: string;
  error?: string;
  latencyMs: number;
}

const EXCERPT_BYTES = 4096;

type LookupCallback = (error: Error | null, address: string | LookupAddress[], family?: number) => void;

async function excerptOf(body: AsyncIterable<Buffer> & { destroy(): void }): Promise<string> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of body) {
    chunks.push(chunk);
    size += chunk.length;
    if (size >= EXCERPT_BYTES) break;
  }
  body.destroy();
  return Buffer.concat(chunks).subarray(0, EXCERPT_BYTES).toString('utf8');
}

const describe = (error: unknown): string => {
  const cause = error instanceof Error && error.cause instanceof Error ? `: ${error.cause.message}` : '';
  return error instanceof Error ? `${error.message}${cause}` : String(error);
};

/**
 * POSTs webhooks. Connections are made only to addresses the target policy checked at connect time
 * (its lookup replaces DNS inside the socket), so a name that rebinds to a private address after
 * the check cannot be reached. Redirects are never followed: a 3xx is an answer like any other.
 */
@Injectable()
export class WebhookHttpClient implements OnApplicationShutdown {
  private readonly agent: Agent;

  constructor(
    private readonly policy: WebhookTargetPolicy,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {
    const lookup = (hostname: string, options: LookupOptions, callback: LookupCallback) => {
      this.policy.addressesOf(hostname).then(
        (all) => {
          const wanted = all.filter((address) => !options.family || isIP(address) === options.family);
          const addresses = wanted.length > 0 ? wanted : all;
          if (options.all)
            callback(
              null,
              addresses.map((address) => ({ address, family: isIP(address) })),
            );
          else callback(null, addresses[0], isIP(addresses[0]));
        },
        (error: Error) => callback(error, []),
      );
    };
    // One keep-alive pool per origin (undici's Agent): a burst to a receiver reuses its open connections.
    this.agent = new Agent({
      keepAliveTimeout: 30_000,
      connect: { lookup, timeout: settings.timeoutMs },
      headersTimeout: settings.timeoutMs,
      bodyTimeout: settings.timeoutMs,
    });
  }

  async post(url: URL, headers: Record<string, string>, body: string): Promise<WebhookResponse> {
    const started = performance.now();
    const latencyMs = () => Math.round(performance.now() - started);
    try {
      // Sockets skip lookup for IP literals, so those are checked here.
      if (isIP(hostOf(url))) await this.policy.addressesOf(hostOf(url));
      const response = await this.agent.request({
        origin: url.origin,
        path: `${url.pathname}${url.search}`,
        method: 'POST',
        headers,
        body,
        signal: AbortSignal.timeout(this.settings.timeoutMs),
      });
      const retryAfter = response.headers['retry-after'];
      return {
        statusCode: response.statusCode,
        retryAfter: Array.isArray(retryAfter) ? retryAfter[0] : retryAfter,
        excerpt: await excerptOf(response.body),
        latencyMs: latencyMs(),
      };
    } catch (error) {
      return { error: describe(error), latencyMs: latencyMs() };
    }
  }

  async onApplicationShutdown(): Promise<void> {
    await this.agent.destroy();
  }
}
