import { applyDecorators, Type } from '@nestjs/common';
import { RouteConfig } from '@nestjs/platform-fastify';
import { ApiBody, ApiConsumes, ApiExtension, OpenAPIObject } from '@nestjs/swagger';
import { MULTIPART_MEDIA_TYPE, SPREADSHEET_MEDIA_TYPES, SpreadsheetRouteConfig, UPLOAD_FILE_FIELD } from './spreadsheet-upload';

/** Imports take files of up to 20 MB (and JSON rows of the same size); every other route keeps Fastify's 1 MiB. */
export const IMPORT_BODY_LIMIT = 20 * 1024 * 1024;

const UPLOAD_FORM_EXTENSION = 'x-kassa-upload-form';

export const MAPPING_FIELD_DESCRIPTION =
  'For a file: JSON `{ "column in the file": "field" | null }`, overriding the header synonyms and the shop\'s remembered mapping (null ignores a column).';

/**
 * An import route: JSON rows as `dto`, or a spreadsheet as the raw body or as the `file` field of a
 * multipart form whose other fields are the route's query parameters (`formFields`, documented).
 */
export function SpreadsheetImportRoute(dto: Type, formFields: Record<string, { type: 'string' | 'boolean'; format?: string; description: string }>) {
  const config: SpreadsheetRouteConfig & { bodyLimit: number } = { bodyLimit: IMPORT_BODY_LIMIT, acceptsSpreadsheets: true };
  const form = {
    type: 'object',
    required: [UPLOAD_FILE_FIELD],
    properties: { [UPLOAD_FILE_FIELD]: { type: 'string', format: 'binary', description: 'The spreadsheet.' }, ...formFields },
  };
  return applyDecorators(
    RouteConfig(config),
    ApiConsumes('application/json', MULTIPART_MEDIA_TYPE, ...SPREADSHEET_MEDIA_TYPES),
    ApiBody({
      type: dto,
      description:
        'JSON rows; or a CSV, TSV, xlsx, xls or ods file, as the raw body or as the `file` field of a multipart form whose other fields ' +
        'are the query parameters (read in the shop locale). At most 20 MB.',
    }),
    ApiExtension(UPLOAD_FORM_EXTENSION, form),
  );
}

/**
 * Nest's document gives one body schema to every media type a route consumes; an import route's
 * form and raw file get their own here (the JSON rows keep the DTO's).
 */
export function describeSpreadsheetUploads(document: OpenAPIObject): void {
  for (const operation of Object.values(document.paths).flatMap((path) => [path.post, path.put].filter((item) => item !== undefined))) {
    const extensions = operation as unknown as Record<string, object | undefined>;
    const form = extensions[UPLOAD_FORM_EXTENSION];
    const body = operation.requestBody;
    if (!form || !body || !('content' in body)) continue;
    delete extensions[UPLOAD_FORM_EXTENSION];
    body.content[MULTIPART_MEDIA_TYPE] = { schema: form };
    for (const mediaType of SPREADSHEET_MEDIA_TYPES) body.content[mediaType] = { schema: { type: 'string', format: 'binary' } };
  }
}
