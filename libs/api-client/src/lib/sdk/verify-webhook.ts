import { Webhook } from 'standardwebhooks';
import type { components } from '../generated/openapi';

export type WebhookEvent = components['schemas']['KassaEvent'];

/** The Standard Webhooks headers of a delivery, as any HTTP server hands them over (names in any case). */
export type WebhookHeaders = Record<string, string | string[] | undefined> | Headers;

function plainHeaders(headers: WebhookHeaders): Record<string, string> {
  const plain: Record<string, string> = {};
  if (headers instanceof Headers) headers.forEach((value, name) => (plain[name] = value));
  else
    for (const [name, value] of Object.entries(headers)) if (value !== undefined) plain[name.toLowerCase()] = Array.isArray(value) ? value.join(', ') : value;
  return plain;
}

/**
 * The event of a webhook delivery once its signature checks out (`webhook-id`, `webhook-timestamp`, `webhook-signature`
 * over the raw body, with the endpoint's `whsec_…` secret); throws otherwise, or when the timestamp is over 5 minutes off.
 * Pass the body exactly as received: parsed and re-serialized JSON no longer matches its signature.
 */
export function verifyWebhook(headers: WebhookHeaders, body: string | Uint8Array, secret: string): WebhookEvent {
  const text = typeof body === 'string' ? body : new TextDecoder().decode(body);
  return new Webhook(secret).verify(text, plainHeaders(headers)) as WebhookEvent;
}
