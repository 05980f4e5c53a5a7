import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import type { AppConfig } from '@kassa/api/config';
import type { FastifyRequest } from 'fastify';
import { operationIdOf } from './open-api/operation-id';
import { toPartnerContract } from './open-api/partner-contract';

export const OPENAPI_JSON_PATH = 'api/openapi.json';
export const OPENAPI_DOCS_PATH = 'api/docs';

const DESCRIPTION = [
  'Point of sale, back office and partner API. Amounts are integers in minor units of the shop currency.',
  'Errors are RFC 9457 `application/problem+json` (the `Problem` schema) with a stable `code`; every response carries `x-request-id`.',
  'Lists are paged with an opaque `cursor` (pass `nextCursor` back) and `limit`; the events API pages with `after`.',
  'Each operation names the permission it needs (`x-required-permission`): an API key works where it holds that permission.',
].join('\n\n');

/** The OpenAPI document partners and libs/api-client are built from, and its browsable docs. */
export function setUpOpenApi(app: INestApplication, config: Pick<AppConfig, 'publicApiUrl'>): void {
  const nestDocument = SwaggerModule.createDocument(app, new DocumentBuilder().setTitle('Kassa API').setDescription(DESCRIPTION).setVersion('1').build(), {
    operationIdFactory: operationIdOf,
  });
  const document = toPartnerContract(nestDocument, config.publicApiUrl);
  SwaggerModule.setup(OPENAPI_DOCS_PATH, app, document, {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
    yamlDocumentUrl: undefined,
    // Without PUBLIC_API_URL the server is whoever the caller reached.
    patchDocumentOnRequest: (request, _reply, served) =>
      config.publicApiUrl ? served : { ...served, servers: [{ url: `${(request as FastifyRequest).protocol}://${(request as FastifyRequest).host}` }] },
  });
}
