import { describeSpreadsheetUploads } from '@kassa/api/spreadsheets';
import type { OpenAPIObject } from '@nestjs/swagger';
import { documentAccess, SECURITY_SCHEMES } from './access';
import { Document } from './document';
import { nullAsType, useIntegers, visitSchemas } from './json-schema';
import { documentEvents } from './events';
import { documentExamples, WEBHOOK_EXAMPLES } from './examples';
import { documentDownloads } from './media-types';
import { documentPagination } from './pagination';
import { documentProblems } from './problems';
import { DOMAIN_TAGS } from './tags';

/**
 * Nest's OpenAPI 3.0 document as the partner contract (OpenAPI 3.1): `null` as a type, whole numbers as integers,
 * each operation's access and permission, every error it can answer as the one Problem schema, domain tags, the events
 * and their webhooks as schemas, and the main flows' examples.
 */
export function toPartnerContract(nestDocument: OpenAPIObject, serverUrl: string | undefined): OpenAPIObject {
  describeSpreadsheetUploads(nestDocument);
  const document = structuredClone(nestDocument) as unknown as Document;
  document.openapi = '3.1.0';
  document.info.license = { name: 'Proprietary', identifier: 'LicenseRef-Kassa' };
  document.servers = serverUrl ? [{ url: serverUrl }] : [];
  visitSchemas(document, nullAsType);
  useIntegers(document);
  documentPagination(document);
  documentDownloads(document);
  document.components.securitySchemes = SECURITY_SCHEMES;
  const publicOperations = documentAccess(document);
  documentProblems(document, (operation) => publicOperations.has(operation));
  documentEvents(document, WEBHOOK_EXAMPLES);
  documentExamples(document);
  const used = new Set(Object.values(document.paths).flatMap((item) => Object.values(item).flatMap((operation) => operation.tags ?? [])));
  document.tags = DOMAIN_TAGS.filter((tag) => used.delete(tag.name)).concat([...used].map((name) => ({ name, description: name })));
  return document as unknown as OpenAPIObject;
}
