import type { FastifyReply } from 'fastify';
import { once } from 'node:events';
import { PassThrough } from 'node:stream';
import { csvLine, UTF8_BOM } from './csv';
import { SheetColumn, xlsxDocument } from './xlsx-document';

export interface ExportSpec<Row> {
  /** Without extension. */
  filename: string;
  sheetName: string;
  columns: SheetColumn<Row>[];
  /** CSV columns: raw values, so a CSV can be imported again. */
  csvHeader: readonly (keyof Row & string)[];
  currency: string;
  /** The rows, page by page (keyset paging inside the request's transaction). */
  pages: () => AsyncIterable<Row[]>;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/**
 * Answers with the rows as CSV (streamed page by page) or as an .xlsx (built whole: the format
 * is a zip). Resolves with the number of rows once everything is written.
 */
export async function sendExport<Row>(reply: FastifyReply, format: 'csv' | 'xlsx', bom: boolean, spec: ExportSpec<Row>): Promise<number> {
  let count = 0;
  if (format === 'xlsx') {
    const rows: Row[] = [];
    for await (const page of spec.pages()) rows.push(...page);
    count = rows.length;
    reply
      .header('content-type', XLSX_TYPE)
      .header('content-disposition', `attachment; filename="${spec.filename}.xlsx"`)
      .send(xlsxDocument(spec.sheetName, spec.columns, rows, spec.currency));
    return count;
  }
  const pages = spec.pages()[Symbol.asyncIterator]();
  // The first page is read before the status goes out, so a query that fails answers problem+json.
  let page = await pages.next();
  const body = new PassThrough();
  reply
    .header('content-type', 'text/csv; charset=utf-8')
    .header('content-disposition', `attachment; filename="${spec.filename}.csv"`)
    .send(body);
  body.write((bom ? UTF8_BOM : '') + csvLine([...spec.csvHeader]));
  for (; !page.done; page = await pages.next()) {
    for (const row of page.value) {
      if (!body.write(csvLine(spec.csvHeader.map((key) => row[key])))) await once(body, 'drain');
    }
    count += page.value.length;
  }
  body.end();
  return count;
}
