import fastifyMultipart from '@fastify/multipart';
import { ApiException } from '@kassa/api/http';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import { importFieldInvalid, importFileMissing, importFileTooLarge, importUploadMalformed, spreadsheetNotAccepted } from './import.exception';

/** The media types a spreadsheet file may be posted as, raw, to an import route. */
export const SPREADSHEET_MEDIA_TYPES = [
  'text/csv',
  'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;

export const MULTIPART_MEDIA_TYPE = 'multipart/form-data';

/** The form field that carries the file in a multipart upload; its other fields are read as the route's query. */
export const UPLOAD_FILE_FIELD = 'file';

/** Text fields of a multipart upload (mapping, dryRun, storeId…): a few, and short, as query parameters are. */
const MAX_UPLOAD_FIELDS = 8;
const MAX_UPLOAD_FIELD_BYTES = 16 * 1024;

const FILE_NAME_BY_MEDIA_TYPE: Readonly<Record<string, string>> = {
  'text/csv': 'upload.csv',
  'text/tab-separated-values': 'upload.tsv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'upload.xlsx',
  'application/vnd.ms-excel': 'upload.xls',
  'application/vnd.oasis.opendocument.spreadsheet': 'upload.ods',
};

/** Route config of an import route (see SpreadsheetImportRoute): only these take files. */
export interface SpreadsheetRouteConfig {
  acceptsSpreadsheets?: boolean;
}

/** A file posted to an import route, as its bytes and the name that says its format. */
export class SpreadsheetUpload {
  constructor(
    readonly bytes: Buffer,
    readonly fileName: string,
  ) {}
}

/**
 * Spreadsheet bodies arrive as a SpreadsheetUpload on the routes that take them, whether raw (the
 * route's body limit applies to the body) or as `multipart/form-data` (the same limit applies to the
 * file; the form's text fields join the query, so the route's query DTO validates them).
 */
export async function installSpreadsheetBodyParsers(fastify: FastifyInstance): Promise<void> {
  fastify.addContentTypeParser([...SPREADSHEET_MEDIA_TYPES], { parseAs: 'buffer' }, (request, body, done) => {
    if (!acceptsSpreadsheets(request)) {
      done(spreadsheetNotAccepted(), undefined);
      return;
    }
    done(null, new SpreadsheetUpload(body as Buffer, FILE_NAME_BY_MEDIA_TYPE[mediaTypeOf(request.headers['content-type'])] ?? 'upload'));
  });
  await fastify.register(fastifyMultipart, { throwFileSizeLimit: true });
  fastify.addHook('preValidation', (request, _reply, done) => {
    if (!request.isMultipart()) return done();
    takeMultipartUpload(request).then(() => done(), done);
  });
}

/** The form's file as the body and its fields in the query (given in one place, not both). */
async function takeMultipartUpload(request: FastifyRequest): Promise<void> {
  if (!acceptsSpreadsheets(request)) throw spreadsheetNotAccepted();
  const { upload, fields } = await readMultipartUpload(request);
  for (const name of Object.keys(fields)) {
    if ((request.query as Record<string, unknown>)[name] !== undefined) throw importFieldInvalid(name, `give ${name} in the query or in the form, not both`);
  }
  request.query = { ...(request.query as Record<string, unknown>), ...fields };
  request.body = upload;
}

async function readMultipartUpload(request: FastifyRequest): Promise<{ upload: SpreadsheetUpload; fields: Record<string, string> }> {
  const limits = { files: 1, fields: MAX_UPLOAD_FIELDS, fieldSize: MAX_UPLOAD_FIELD_BYTES, fileSize: request.routeOptions.bodyLimit };
  let upload: SpreadsheetUpload | undefined;
  const fields: Record<string, string> = {};
  try {
    for await (const part of request.parts({ limits })) {
      if (part.type === 'file') {
        if (part.fieldname !== UPLOAD_FILE_FIELD) throw importFieldInvalid(part.fieldname, `send the spreadsheet in the form field "${UPLOAD_FILE_FIELD}"`);
        const fileName = part.filename || FILE_NAME_BY_MEDIA_TYPE[mediaTypeOf(part.mimetype)] || 'upload';
        upload = new SpreadsheetUpload(await part.toBuffer(), fileName);
      } else {
        if (part.valueTruncated) throw importFieldInvalid(part.fieldname, `${part.fieldname} must be at most ${MAX_UPLOAD_FIELD_BYTES / 1024} KiB`);
        if (part.fieldname in fields) throw importFieldInvalid(part.fieldname, `${part.fieldname} is given twice`);
        fields[part.fieldname] = String(part.value);
      }
    }
  } catch (error) {
    throw uploadErrorOf(error, request.routeOptions.bodyLimit);
  }
  if (!upload) throw importFileMissing(UPLOAD_FILE_FIELD);
  return { upload, fields };
}

/** The multipart plugin's and busboy's errors, as ours: too large is 413 as on the raw path, a broken form 400. */
function uploadErrorOf(error: unknown, bodyLimit: number): unknown {
  if (error instanceof ApiException || !(error instanceof Error)) return error;
  const code = (error as { code?: unknown }).code;
  if (code === 'FST_REQ_FILE_TOO_LARGE') return importFileTooLarge(`At most ${bodyLimit / 1024 / 1024} MB per file.`);
  if (code === 'FST_FILES_LIMIT') return importFieldInvalid(UPLOAD_FILE_FIELD, 'send one file per import');
  if (code === 'FST_FIELDS_LIMIT' || code === 'FST_PARTS_LIMIT') return importUploadMalformed(`At most ${MAX_UPLOAD_FIELDS} form fields besides the file.`);
  return importUploadMalformed(error instanceof Error ? error.message : String(error));
}

function acceptsSpreadsheets(request: FastifyRequest): boolean {
  return (request.routeOptions.config as SpreadsheetRouteConfig | undefined)?.acceptsSpreadsheets === true;
}

function mediaTypeOf(contentType: string | undefined): string {
  return (contentType ?? '').split(';')[0].trim().toLowerCase();
}
