import { readFileSync } from 'node:fs';
import path from 'node:path';
import request from 'supertest';
import { ERROR_STATUS, ErrorCode } from '@kassa/contracts';
import { expectStatus } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

const COMMITTED = path.resolve(__dirname, '../../../../libs/api-client/src/lib/generated/openapi.json');

interface Operation {
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
});
