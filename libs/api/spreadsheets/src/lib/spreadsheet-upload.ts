import type { FastifyInstance } from 'fastify';

/** The media types a spreadsheet file may be posted as, raw, to an import route. */
export const SPREADSHEET_MEDIA_TYPES = [
  'text/csv',
  'text/tab-separated-values',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  'application/vnd.ms-excel',
  'application/vnd.oasis.opendocument.spreadsheet',
] as const;

const FILE_NAME_BY_MEDIA_TYPE: Readonly<Record<string, string>> = {
  'text/csv': 'upload.csv',
  'text/tab-separated-values': 'upload.tsv',
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'upload.xlsx',
  'application/vnd.ms-excel': 'upload.xls',
  'application/vnd.oasis.opendocument.spreadsheet': 'upload.ods',
};

/** A file posted to an import route, as its bytes and the name that says its format. */
export class SpreadsheetUpload {
  constructor(
    readonly bytes: Buffer,
    readonly fileName: string,
  ) {}
}

/** Spreadsheet bodies arrive as a SpreadsheetUpload; the route's body limit still applies. */
export function installSpreadsheetBodyParsers(fastify: FastifyInstance): void {
  fastify.addContentTypeParser([...SPREADSHEET_MEDIA_TYPES], { parseAs: 'buffer' }, (request, body, done) => {
    const mediaType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
    done(null, new SpreadsheetUpload(body as Buffer, FILE_NAME_BY_MEDIA_TYPE[mediaType] ?? 'upload'));
  });
}
