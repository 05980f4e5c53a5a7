import { EVENT_DATA_SCHEMAS, EVENT_ENVELOPE_PROPERTIES, EVENT_TYPES, EventType, JsonSchema } from '@kassa/contracts';
import { isDeepStrictEqual } from 'node:util';
import { Document, JsonObject } from './document';

/** `purchase_order.received` → `PurchaseOrderReceivedEvent`: the named schema of that event type's envelope. */
export const eventSchemaName = (type: EventType): string =>
  `${type
    .split(/[._]/)
    .map((word) => word[0].toUpperCase() + word.slice(1))
    .join('')}Event`;

export const EVENT_UNION = 'KassaEvent';

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

/** Every titled schema (libs/contracts' named event payloads) as one component, referenced where it is used. */
function hoist(schema: JsonSchema, schemas: Record<string, JsonObject>): JsonObject {
  const copy: JsonObject = { ...schema };
  if (copy.properties)
    copy.properties = Object.fromEntries(Object.entries(copy.properties as Record<string, JsonSchema>).map(([k, v]) => [k, hoist(v, schemas)]));
  if (copy.items) copy.items = hoist(copy.items as JsonSchema, schemas);
  for (const key of ['anyOf', 'oneOf'] as const) if (copy[key]) copy[key] = (copy[key] as JsonSchema[]).map((nested) => hoist(nested, schemas));
  const title = copy.title;
  if (typeof title !== 'string') return copy;
  delete copy.title;
  const existing = schemas[title];
  if (existing && !isDeepStrictEqual(existing, copy)) throw new Error(`two different schemas are named ${title}`);
  schemas[title] = copy;
  return ref(title);
}

/** The envelope (DESIGN.md §3) of one event type, `type` fixed and `data` that type's schema. */
function envelopeOf(type: EventType, data: JsonObject): JsonObject {
  const properties = { ...EVENT_ENVELOPE_PROPERTIES, type: { type: 'string', const: type }, data };
  return {
    type: 'object',
    description: `A \`${type}\` event, as webhooks deliver it and the events API and realtime replay list it.`,
    required: Object.keys(properties),
    properties,
    additionalProperties: false,
  };
}

const WEBHOOK_HEADERS: JsonObject[] = [
  {
    name: 'webhook-id',
    in: 'header',
    required: true,
    description: "The event's id, the same on every attempt and redelivery: de-duplicate on it.",
    schema: { type: 'string', format: 'uuid' },
  },
  {
    name: 'webhook-timestamp',
    in: 'header',
    required: true,
    description: 'Unix seconds when this attempt was signed: refuse one far from your clock (the libraries allow 5 minutes) against replays.',
    schema: { type: 'string', pattern: '^[0-9]+$' },
    example: '1767225600',
  },
  {
    name: 'webhook-signature',
    in: 'header',
    required: true,
    description:
      '`v1,<base64 HMAC-SHA256 of "{webhook-id}.{webhook-timestamp}.{raw body}">` keyed with the base64 part of your `whsec_` secret; ' +
      'space-separated, one per live secret while a rotated one overlaps. Verify with `verifyWebhook` of @kassa/sdk or any Standard Webhooks library.',
    schema: { type: 'string', pattern: '^v1,[A-Za-z0-9+/=]+( v1,[A-Za-z0-9+/=]+)*$' },
    example: 'v1,K5oZfzN95Z9UVu1EsfQmfVNQhnkZ2pj9o9NDN/H/pI4=',
  },
];

const WEBHOOK_RESPONSES: JsonObject = {
  '200': { description: 'Any 2xx acknowledges the delivery; anything else (3xx included), a timeout after 10 s or no answer is retried.' },
  '410': { description: 'Gone: the endpoint is disabled at once and its owners are notified.' },
};

/** One webhook (OpenAPI 3.1 `webhooks`) per event type: the POST Kassa sends, signed by the Standard Webhooks scheme. */
function webhookOf(type: EventType, examples: JsonObject | undefined): JsonObject {
  const name = eventSchemaName(type);
  return {
    post: {
      operationId: `on${name}`,
      summary: `${type} delivery`,
      description:
        `Kassa POSTs each \`${type}\` event to the endpoints subscribed to it (or to \`*\`), signed (Standard Webhooks). ` +
        'Retries: now, 5 s, 5 min, 30 min, 2 h, 5 h, 10 h, 10 h; `Retry-After` is honoured. No ordering is promised: ' +
        'order by `sequence`, or per aggregate by `aggregateVersion`, and catch up through `GET /api/v1/events`.',
      tags: ['webhooks'],
      security: [],
      parameters: WEBHOOK_HEADERS,
      requestBody: { required: true, content: { 'application/json': { schema: ref(name), ...(examples ? { examples } : {}) } } },
      responses: WEBHOOK_RESPONSES,
    },
  };
}

/**
 * Events as a schema: each type's envelope and `data` (from libs/contracts) as named schemas, their union
 * `KassaEvent` (discriminated by `type`, the items of the events API and the realtime replay), and a webhook per type.
 */
export function documentEvents(document: Document, webhookExamples: Partial<Record<EventType, JsonObject>>): void {
  const schemas = document.components.schemas;
  for (const type of EVENT_TYPES) schemas[eventSchemaName(type)] = envelopeOf(type, hoist(EVENT_DATA_SCHEMAS[type], schemas));
  schemas[EVENT_UNION] = {
    description: 'Any event, told apart by `type`.',
    oneOf: EVENT_TYPES.map((type) => ref(eventSchemaName(type))),
    discriminator: { propertyName: 'type', mapping: Object.fromEntries(EVENT_TYPES.map((type) => [type, ref(eventSchemaName(type)).$ref])) },
  };
  document.webhooks = Object.fromEntries(EVENT_TYPES.map((type) => [type, webhookOf(type, webhookExamples[type])]));
}
