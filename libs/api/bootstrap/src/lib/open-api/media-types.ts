import { Document, JsonObject, operationsOf } from './document';

/** What each `format` of an export or report download is sent as. */
const FORMAT_MEDIA_TYPES: Record<string, string> = {
  csv: 'text/csv',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
};

const file = (mediaType: string) => ({ schema: { type: 'string', contentMediaType: mediaType } });

/** Downloads (exports, metrics) say their media types: one per `format` the operation takes, CSV when it takes none. */
export function documentDownloads(document: Document): void {
  for (const { operation } of operationsOf(document)) {
    const ok = operation.responses['200'] as JsonObject | undefined;
    if (!ok || ok.content) continue;
    const format = operation.parameters?.find((parameter) => parameter.in === 'query' && parameter.name === 'format');
    const formats = ((format?.schema as JsonObject | undefined)?.enum as string[] | undefined) ?? [];
    if (operation.operationId === 'scrapeMetrics') ok.content = { 'text/plain': file('text/plain') };
    else if (formats.length)
      ok.content = Object.fromEntries(
        formats.filter((name) => FORMAT_MEDIA_TYPES[name]).map((name) => [FORMAT_MEDIA_TYPES[name], file(FORMAT_MEDIA_TYPES[name])]),
      );
    else if (operation.operationId.startsWith('export')) ok.content = { 'text/csv': file('text/csv') };
  }
}
