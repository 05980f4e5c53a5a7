import type { FastifyReply } from 'fastify';
import { Readable } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import * as XLSX from '@e965/xlsx';
import { sendExport, SpreadsheetExport } from './send-export';

interface Item {
  sku: string;
  priceMinor: number;
}

/** The parts of a reply an export uses: headers, and the one body it sends. */
function fakeReply() {
  const headers: Record<string, string> = {};
  const sent: { body?: unknown } = {};
  const reply = {
    header(name: string, value: string) {
      headers[name] = value;
      return reply;
    },
    send(body: unknown) {
      sent.body = body;
      return reply;
    },
  };
  return { reply: reply as unknown as FastifyReply, headers, sent };
}

const text = async (body: unknown) => {
  let all = '';
  for await (const chunk of body as Readable) all += String(chunk);
  return all;
};

function itemsExport(pages: Item[][], overrides: Partial<SpreadsheetExport<Item>> = {}) {
  const written = jest.fn(async (_rows: number) => undefined);
  const spreadsheet: SpreadsheetExport<Item> = {
    filename: 'items',
    format: 'csv',
    bom: false,
    csvHeader: ['sku', 'priceMinor'],
    sheet: { name: 'Items', columns: [{ header: 'SKU', type: 'text', value: (item) => item.sku }], currency: 'EUR', timeZone: 'Europe/Berlin' },
    pages: async function* () {
      yield* pages;
    },
    written,
    ...overrides,
  };
  return { spreadsheet, written };
}

const COMMITTED = Promise.resolve(true);

describe('sendExport', () => {
  it('streams CSV page by page and then tells the export how many rows it wrote', async () => {
    const { reply, headers, sent } = fakeReply();
    const { spreadsheet, written } = itemsExport([[{ sku: 'A-1', priceMinor: 100 }], [{ sku: '=B', priceMinor: -3 }]]);
    await sendExport(reply, spreadsheet, COMMITTED);
    expect(headers).toEqual({ 'content-type': 'text/csv; charset=utf-8', 'content-disposition': 'attachment; filename="items.csv"' });
    expect(await text(sent.body)).toBe("sku,priceMinor\r\nA-1,100\r\n'=B,-3\r\n");
    expect(written).toHaveBeenCalledWith(2);
  });

  it('starts the CSV with a byte order mark when asked', async () => {
    const { reply, sent } = fakeReply();
    await sendExport(reply, itemsExport([], { bom: true }).spreadsheet, COMMITTED);
    expect(await text(sent.body)).toBe('\uFEFFsku,priceMinor\r\n');
  });

  it('streams an xlsx page by page', async () => {
    const { reply, headers, sent } = fakeReply();
    const { spreadsheet, written } = itemsExport([[{ sku: 'A-1', priceMinor: 100 }], [{ sku: 'B-2', priceMinor: 200 }]], { format: 'xlsx' });
    await sendExport(reply, spreadsheet, COMMITTED);
    expect(headers['content-disposition']).toBe('attachment; filename="items.xlsx"');
    const sheet = XLSX.read(await buffer(sent.body as Readable), { type: 'buffer' }).Sheets['Items'];
    expect([sheet['A2'].v, sheet['A3'].v]).toEqual(['A-1', 'B-2']);
    expect(written).toHaveBeenCalledWith(2);
  });

  it('cuts the xlsx off when a later page fails, instead of ending a file that looks whole', async () => {
    const { reply, sent } = fakeReply();
    const send = reply.send.bind(reply);
    reply.send = (body: Readable) => send(body.on('error', () => undefined)); // as fastify listens to the body it sends
    const { spreadsheet, written } = itemsExport([], {
      format: 'xlsx',
      pages: async function* () {
        yield [{ sku: 'A-1', priceMinor: 100 }];
        throw new Error('page 2 failed');
      },
    });
    await expect(sendExport(reply, spreadsheet, COMMITTED)).rejects.toThrow('page 2 failed');
    expect((sent.body as Readable).destroyed).toBe(true);
    expect(written).not.toHaveBeenCalled();
  });

  it.each(['csv', 'xlsx'] as const)('sends nothing as %s when the first page fails, so the error can still answer', async (format) => {
    const { reply, sent } = fakeReply();
    const { spreadsheet, written } = itemsExport([], {
      format,
      pages: async function* () {
        yield* [];
        throw new Error('the query failed');
      },
    });
    await expect(sendExport(reply, spreadsheet, COMMITTED)).rejects.toThrow('the query failed');
    expect(sent.body).toBeUndefined();
    expect(written).not.toHaveBeenCalled();
  });

  it.each(['csv', 'xlsx'] as const)("ends the %s only once the request's transaction has committed", async (format) => {
    const { reply, sent } = fakeReply();
    let commit: (ok: boolean) => void = () => undefined;
    const { spreadsheet, written } = itemsExport([[{ sku: 'A-1', priceMinor: 100 }]], { format });
    await sendExport(reply, spreadsheet, new Promise((resolve) => (commit = resolve)));
    const body = sent.body as Readable;
    const chunks: Buffer[] = [];
    body.on('data', (chunk: Buffer) => chunks.push(chunk));
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(written).toHaveBeenCalledWith(1);
    expect(chunks.length).toBeGreaterThan(0);
    expect(body.readableEnded).toBe(false);
    commit(true);
    await new Promise((resolve) => body.once('end', resolve));
    expect(body.readableEnded).toBe(true);
  });

  it('cuts the download off when the transaction rolls back instead of committing', async () => {
    const { reply, sent } = fakeReply();
    const { spreadsheet } = itemsExport([[{ sku: 'A-1', priceMinor: 100 }]]);
    await sendExport(reply, spreadsheet, Promise.resolve(false));
    await expect(text(sent.body)).rejects.toThrow('The export was not committed');
  });
});
