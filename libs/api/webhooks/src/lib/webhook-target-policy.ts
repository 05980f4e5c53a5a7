import { Inject, Injectable } from '@nestjs/common';
import { isForbiddenAddress } from './address-classifier';
import { HostResolver } from './host-resolver';
import { WEBHOOK_SETTINGS, WebhookSettings } from './webhook-settings';

/** Why a target must not be called; its message names the host, never a secret. */
export class WebhookTargetRefused extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'WebhookTargetRefused';
  }
}

/** The host of a URL as DNS and sockets want it: IPv6 literals without their brackets. */
export const hostOf = (url: URL) => url.hostname.replace(/^\[(.*)\]$/, '$1');

/** The URL a webhook may have: http(s), no credentials; undefined when it is not one. */
export function parseWebhookUrl(text: string): URL | undefined {
  try {
    const url = new URL(text);
    return (url.protocol === 'http:' || url.protocol === 'https:') && !url.username && !url.password ? url : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Decides where webhooks may connect (DESIGN.md §4): a host is refused when any address it resolves
 * to is private, loopback, link-local, multicast or metadata, unless private targets are allowed.
 */
@Injectable()
export class WebhookTargetPolicy {
  constructor(
    private readonly resolver: HostResolver,
    @Inject(WEBHOOK_SETTINGS) private readonly settings: WebhookSettings,
  ) {}

  /** The addresses to connect to for `hostname`, all of them checked. */
  async addressesOf(hostname: string): Promise<string[]> {
    const addresses = await this.resolver.resolve(hostname).catch(() => {
      throw new WebhookTargetRefused(`${hostname} does not resolve`);
    });
    if (addresses.length === 0) throw new WebhookTargetRefused(`${hostname} does not resolve`);
    if (!this.settings.allowPrivateTargets && addresses.some(isForbiddenAddress)) {
      throw new WebhookTargetRefused(`${hostname} resolves to a private, loopback, link-local or reserved address`);
    }
    return addresses;
  }
}
