import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ERROR_STATUS, ErrorCode, EVENT_TYPES } from '@kassa/contracts';
import { expectStatus } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

const COMMITTED = path.resolve(__dirname, '../../../../libs/api-client/src/lib/generated/openapi.json');

type Examples = Record<string, { value: unknown }>;
interface RequestBody {
  content: Record<string, { schema: unknown; examples?: Examples }>;
}

interface Operation {
  requestBody?: RequestBody;
  operationId: string;
  summary?: string;
  description?: string;
  tags?: string[];
  security?: Record<string, string[]>[];
  responses: Record<string, { content?: Record<string, { schema?: { allOf?: { $ref?: string; properties?: { code?: { enum: string[] } } }[] } }> }>;
  'x-required-permission'?: unknown;
}

describe('The partner contract (OpenAPI 3.1)', () => {
  let api: TestApi;
  let document: {
    openapi: string;
    servers: { url: string }[];
    paths: Record<string, Record<string, Operation>>;
    components: Record<string, Record<string, unknown>>;
    webhooks: Record<string, { post: Operation & { parameters: { name: string; in: string; required: boolean }[]; requestBody: RequestBody } }>;
  };
  const operations = () => Object.values(document.paths).flatMap((item) => Object.values(item));
  const operation = (route: string, method: string) => document.paths[route][method];

  beforeAll(async () => {
    api = await startTestApi({ env: { PUBLIC_API_URL: 'https://api.kassa.test' } });
    document = expectStatus(await request(api.app.getHttpServer()).get('/api/openapi.json'), 200).body;
  });
  afterAll(() => api.close());

  it('is the committed document the client, the lint step and the documented-errors check read', () => {
    // Stale: run `npm run api-client:generate`.
    expect(document).toEqual(JSON.parse(readFileSync(COMMITTED, 'utf8')));
  });

  it('names its server from PUBLIC_API_URL, or else from the origin the caller reached', async () => {
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers).toEqual([{ url: 'https://api.kassa.test' }]);
    const local = await startTestApi();
    try {
      const served = expectStatus(await request(local.app.getHttpServer()).get('/api/openapi.json').set('host', 'shop.example.net:8443'), 200).body;
      expect(served.servers).toEqual([{ url: 'http://shop.example.net:8443' }]);
    } finally {
      await local.close();
    }
  });

  it('gives every operation a verb-noun id, a summary, a description, a domain tag and its security', () => {
    const ids = operations().map((item) => item.operationId);
    expect(new Set(ids).size).toBe(ids.length);
    for (const item of operations()) {
      expect(item.operationId).toMatch(/^[a-z]+[A-Z][A-Za-z]*$/);
      expect(item.summary).toBeTruthy();
      expect(item.description).toBeTruthy();
      expect(item.tags).toHaveLength(1);
      expect(item.security).toBeDefined();
    }
    expect(operation('/api/v1/products', 'get').operationId).toBe('listProducts');
    expect(operation('/api/v1/sales', 'post').operationId).toBe('createSale');
    expect(operation('/api/v1/sales/{id}/refunds', 'post').operationId).toBe('refundSale');
  });

  it('says public routes need nothing, and names the permission of the rest in x-required-permission and the description', () => {
    expect(operation('/api/v1/signup', 'post').security).toEqual([]);
    expect(operation('/health/live', 'get').security).toEqual([]);
    const list = operation('/api/v1/products', 'get');
    expect(list.security).toEqual([{ bearer: [] }, { ApiKey: [] }]);
    expect(list['x-required-permission']).toBe('catalog:read');
    expect(list.description).toContain('`catalog:read`');
    expect(operation('/api/v1/purchase-orders/{id}', 'get')['x-required-permission']).toEqual({ anyOf: ['purchasing:read', 'purchasing:receive'] });
    expect(document.components.securitySchemes).toMatchObject({
      bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'JWT' },
      ApiKey: { type: 'http', scheme: 'bearer', bearerFormat: 'kas_…' },
    });
  });

  it('answers every documented error with the one Problem schema, each status with the codes of that status', () => {
    expect(document.components.schemas.Problem).toMatchObject({ required: ['type', 'title', 'status', 'code'] });
    for (const item of operations()) {
      const errors = Object.entries(item.responses).filter(([status]) => Number(status) >= 400);
      expect(errors.length).toBeGreaterThan(0);
      for (const [status, response] of errors) {
        const [problem, narrowed] = response.content?.['application/problem+json']?.schema?.allOf ?? [];
        expect(problem).toEqual({ $ref: '#/components/schemas/Problem' });
        for (const code of narrowed.properties?.code?.enum ?? []) expect(ERROR_STATUS[code as ErrorCode]).toBe(Number(status));
      }
    }
    const conflicts = operation('/api/v1/sales', 'post').responses['409'].content?.['application/problem+json'].schema?.allOf?.[1].properties?.code?.enum;
    expect(conflicts).toEqual(expect.arrayContaining(['sale_exists', 'receipt_number_taken']));
  });

  it('says what each download is sent as', () => {
    const mediaTypes = (route: string) => Object.keys((operation(route, 'get').responses['200'] as { content?: object }).content ?? {});
    expect(mediaTypes('/api/v1/products/export')).toEqual(['text/csv', 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet']);
    expect(mediaTypes('/api/v1/audit-logs/export')).toEqual(['text/csv']);
    expect(mediaTypes('/metrics')).toEqual(['text/plain']);
  });

  it('types whole numbers as integers (int64 minor units, with their bounds) and the events cursor as a digit string', () => {
    const schemas = document.components.schemas as Record<string, { properties: Record<string, Record<string, unknown>> }>;
    expect(schemas.CreateProductDto.properties.priceMinor).toMatchObject({ type: 'integer', format: 'int64', minimum: 0 });
    expect(schemas.ProductDto.properties.version).toMatchObject({ type: 'integer' });
    expect(schemas.EventListDto.properties.nextCursor).toMatchObject({ type: 'string', pattern: '^[0-9]+$' });
    const after = (operation('/api/v1/events', 'get') as unknown as { parameters: { name: string; schema: unknown }[] }).parameters.find(
      (item) => item.name === 'after',
    );
    expect(after?.schema).toMatchObject({ type: 'integer', minimum: 0 });
  });

  it('describes every event type as a webhook with the Standard Webhooks headers, and lists events as a union discriminated by type', () => {
    const schemas = document.components.schemas as Record<string, Record<string, unknown>>;
    expect(Object.keys(document.webhooks).sort()).toEqual([...EVENT_TYPES].sort());
    const union = schemas.KassaEvent as { oneOf: { $ref: string }[]; discriminator: { propertyName: string; mapping: Record<string, string> } };
    expect(union.discriminator.propertyName).toBe('type');
    expect(Object.keys(union.discriminator.mapping).sort()).toEqual([...EVENT_TYPES].sort());
    expect(union.oneOf.map((member) => member.$ref).sort()).toEqual(Object.values(union.discriminator.mapping).sort());
    for (const type of EVENT_TYPES) {
      const delivery = document.webhooks[type].post;
      expect(delivery.parameters.map(({ name, in: where, required }) => [name, where, required])).toEqual([
        ['webhook-id', 'header', true],
        ['webhook-timestamp', 'header', true],
        ['webhook-signature', 'header', true],
      ]);
      const envelope = delivery.requestBody.content['application/json'].schema as { $ref: string };
      expect(envelope.$ref).toBe(union.discriminator.mapping[type]);
      const named = schemas[envelope.$ref.split('/').pop() as string] as { properties: { type: unknown; data: { $ref?: string } } };
      expect(named.properties.type).toEqual({ type: 'string', const: type });
      // Every type's data is a named schema, closed to fields it does not list.
      expect(schemas[String(named.properties.data.$ref).split('/').pop() as string]).toMatchObject({ type: 'object', additionalProperties: false });
    }
    const items = (schemas.EventListDto as { properties: { items: { items: unknown } } }).properties.items.items;
    expect(items).toEqual({ $ref: '#/components/schemas/KassaEvent' });
    expect((schemas.ReplayDto as { properties: { items: { items: unknown } } }).properties.items.items).toEqual({ $ref: '#/components/schemas/KassaEvent' });
  });

  it('gives the main flows request and response examples, each valid against its schema', () => {
    const ajv = new Ajv({ strict: false, allErrors: true });
    addFormats(ajv);
    ajv.addSchema({ ...document, $id: 'kassa-openapi' });
    const checked: string[] = [];
    const check = (where: string, media: { schema: unknown; examples?: Examples } | undefined) => {
      for (const [name, example] of Object.entries(media?.examples ?? {})) {
        const validate = ajv.compile({ $ref: `kassa-openapi#${where}/schema` });
        expect({ [`${where} ${name}`]: validate(example.value) ? 'valid' : ajv.errorsText(validate.errors) }).toEqual({ [`${where} ${name}`]: 'valid' });
        checked.push(where.split('/')[2].replace(/~1/g, '/') + (where.includes('requestBody') ? ' request' : ' response'));
      }
    };
    const pointer = (...segments: string[]) => `/${segments.map((segment) => segment.replace(/~/g, '~0').replace(/\//g, '~1')).join('/')}`;
    for (const [route, item] of Object.entries(document.paths)) {
      for (const [method, op] of Object.entries(item)) {
        check(pointer('paths', route, method, 'requestBody', 'content', 'application/json'), op.requestBody?.content['application/json']);
        for (const [status, response] of Object.entries(op.responses)) {
          check(pointer('paths', route, method, 'responses', status, 'content', 'application/json'), response.content?.['application/json'] as never);
        }
      }
    }
    for (const [type, webhook] of Object.entries(document.webhooks)) {
      check(pointer('webhooks', type, 'post', 'requestBody', 'content', 'application/json'), webhook.post.requestBody.content['application/json']);
    }
    expect(checked).toEqual(
      expect.arrayContaining([
        '/api/v1/signup request',
        '/api/v1/signup response',
        '/api/v1/products request',
        '/api/v1/products response',
        '/api/v1/sales request',
        '/api/v1/sales response',
        '/api/v1/sales/{id}/refunds request',
        '/api/v1/sales/{id}/refunds response',
        '/api/v1/events response',
        'sale.created request',
      ]),
    );
  });
});
