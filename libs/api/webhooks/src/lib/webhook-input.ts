import { invalidField } from '@kassa/api/http';
import { parseWebhookUrl } from './webhook-target-policy';

// Headers a delivery sets itself, or that would change how it is sent.
const RESERVED_HEADERS = /^(webhook-.*|content-type|content-length|host|user-agent|connection|transfer-encoding|te|upgrade|keep-alive|expect)$/i;
const HEADER_NAME = /^[!#$%&'*+.^_`|~0-9A-Za-z-]{1,100}$/;
const MAX_HEADERS = 20;

/** A webhook URL from a request body, or a 400 naming `url`. */
export function webhookUrlOf(text: string): URL {
  const url = parseWebhookUrl(text);
  if (!url) throw invalidField('url', 'url must be an http(s) URL without credentials');
  return url;
}

/** Custom headers from a request body, lower-cased, or a 400 naming `headers`. */
export function customHeadersOf(headers: Record<string, unknown>): Record<string, string> {
  const entries = Object.entries(headers);
  if (entries.length > MAX_HEADERS) throw invalidField('headers', `at most ${MAX_HEADERS} headers`);
  for (const [name, value] of entries) {
    if (!HEADER_NAME.test(name)) throw invalidField('headers', `${JSON.stringify(name)} is not a header name`);
    if (RESERVED_HEADERS.test(name)) throw invalidField('headers', `${name} is set by Kassa and cannot be replaced`);
    if (typeof value !== 'string' || value.length > 1000 || /[\r\n\0]/.test(value)) {
      throw invalidField('headers', `${name} must be a single-line string of at most 1000 characters`);
    }
  }
  return Object.fromEntries(entries.map(([name, value]) => [name.toLowerCase(), value as string]));
}
