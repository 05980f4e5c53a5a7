import type { INestApplication } from '@nestjs/common';
import { DocumentBuilder, SwaggerModule } from '@nestjs/swagger';
import { DEVICE_SECURITY_SCHEME } from '@kassa/api/http';
import { describeSpreadsheetUploads } from '@kassa/api/spreadsheets';

export const OPENAPI_JSON_PATH = 'api/openapi.json';
export const OPENAPI_DOCS_PATH = 'api/docs';

/** The OpenAPI document partners and libs/api-client are built from, and its browsable docs. */
export function setUpOpenApi(app: INestApplication): void {
  const document = SwaggerModule.createDocument(
    app,
    new DocumentBuilder()
      .setTitle('Kassa API')
      .setDescription(
        'Point of sale, back office and partner API. Errors are RFC 9457 problem+json with a stable `code`; ' + 'every response carries `x-request-id`.',
      )
      .setVersion('1')
      .addBearerAuth()
      .addApiKey(
        {
          type: 'apiKey',
          in: 'header',
          name: 'Authorization',
          description: 'A paired till: `Authorization: Device <deviceToken>` (the `kdv_…` token from pairing).',
        },
        DEVICE_SECURITY_SCHEME,
      )
      .build(),
  );
  describeSpreadsheetUploads(document);
  SwaggerModule.setup(OPENAPI_DOCS_PATH, app, document, { jsonDocumentUrl: OPENAPI_JSON_PATH, yamlDocumentUrl: undefined });
}
