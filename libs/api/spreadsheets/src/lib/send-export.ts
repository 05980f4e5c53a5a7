import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { PassThrough, pipeline, Readable, Transform } from 'node:stream';
import { csvLine, UTF8_BOM } from './csv';
import { SheetColumn, XlsxSheetWriter } from './xlsx-document';

export type ExportFormat = 'csv' | 'xlsx';

/** The xlsx form of an export: typed cells on one sheet, money in the shop's currency, times in its time zone. */
export interface ExportSheet<Row> {
  name: string;
  columns: SheetColumn<Row>[];
  currency: string;
  timeZone: string;
}

/** An export as a service describes it; `sendExport` is what writes it to the client. */
export interface SpreadsheetExport<Row> {
  /** Without extension. */
  filename: string;
  format: ExportFormat;
  /** CSV only: start with a UTF-8 byte order mark. */
  bom: boolean;
  /** CSV columns: raw values, so a CSV can be imported again. */
  csvHeader: readonly (keyof Row & string)[];
  /** Without a sheet the export has only a CSV form. */
  sheet?: ExportSheet<Row>;
  /** The rows, page by page (keyset paging inside the request's transaction). */
  pages: () => AsyncIterable<Row[]>;
  /** Runs once every row is written, with their number: where an export audits itself. */
  written: (rows: number) => Promise<void>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Answers with the rows as CSV or as an .xlsx, either streamed page by page, then runs the export's `written`.
 * Either way the first page is read before the status goes out, so a query that fails answers problem+json
 * instead of a cut-off file. The download ends only once `committed` (the request transaction's outcome)
 * resolves true, so a client holding the whole file finds the export's audit entry; if it resolves false, the
 * download is cut off.
 */
export async function sendExport<Row>(reply: FastifyReply, spreadsheet: SpreadsheetExport<Row>, committed: Promise<boolean>): Promise<void> {
  const count = spreadsheet.format === 'xlsx' ? await sendXlsx(reply, spreadsheet, committed) : await sendCsv(reply, spreadsheet, committed);
  await spreadsheet.written(count);
}

/** What the export writes to, and what goes to the client: the same bytes, whose end waits for `committed`. */
function heldBody(committed: Promise<boolean>): { body: PassThrough; sent: Readable } {
  const body = new PassThrough();
  const sent = new Transform({
    transform: (chunk, _encoding, next) => next(null, chunk),
    flush: (done) => void committed.then((ok) => done(ok ? null : new Error('The export was not committed'))),
  });
  pipeline(body, sent, () => undefined); // an error destroys both; fastify reports it on the reply
  return { body, sent };
}

async function sendXlsx<Row>(reply: FastifyReply, spreadsheet: SpreadsheetExport<Row>, committed: Promise<boolean>): Promise<number> {
  const { sheet } = spreadsheet;
  if (!sheet) throw new Error(`The ${spreadsheet.filename} export has no xlsx form`);
  const pages = spreadsheet.pages()[Symbol.asyncIterator]();
  let page = await pages.next();
  const { body, sent } = heldBody(committed);
  reply.header('content-type', XLSX_TYPE).header('content-disposition', `attachment; filename="${spreadsheet.filename}.xlsx"`).send(sent);
  const writer = new XlsxSheetWriter(body, sheet.name, sheet.columns, { currency: sheet.currency, timeZone: sheet.timeZone }, page.done ? [] : page.value);
  let count = 0;
  try {
    for (; !page.done; page = await pages.next()) {
      await writer.write(page.value);
      count += page.value.length;
    }
    await writer.end();
  } catch (error) {
    writer.abort();
    sent.destroy(error as Error); // the client sees a cut-off download, never a file that looks whole
    throw error;
  }
  return count;
}

async function sendCsv<Row>(reply: FastifyReply, spreadsheet: SpreadsheetExport<Row>, committed: Promise<boolean>): Promise<number> {
  const pages = spreadsheet.pages()[Symbol.asyncIterator]();
  let page = await pages.next();
  const { body, sent } = heldBody(committed);
  reply.header('content-type', 'text/csv; charset=utf-8').header('content-disposition', `attachment; filename="${spreadsheet.filename}.csv"`).send(sent);
  body.write((spreadsheet.bom ? UTF8_BOM : '') + csvLine([...spreadsheet.csvHeader]));
  let count = 0;
  for (; !page.done; page = await pages.next()) {
    for (const row of page.value) {
      if (!body.write(csvLine(spreadsheet.csvHeader.map((key) => row[key])))) await once(body, 'drain');
    }
    count += page.value.length;
  }
  body.end();
  return count;
}
