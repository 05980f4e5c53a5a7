import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { previewFile } from './import-preview';
import { PreviewClient, type PreviewPort, type PreviewRequest, type PreviewResponse } from './preview-client';

/** A port that answers like the worker does, but in the order the test says. */
function fakePort() {
  const asked: PreviewRequest[] = [];
  let listener: ((event: MessageEvent<PreviewResponse>) => void) | undefined;
  const port: PreviewPort = {
    postMessage: (request) => asked.push(request),
    addEventListener: (_type, next) => (listener = next),
    onerror: null,
    terminate: jest.fn(),
  };
  const ready = () => listener?.({ data: { ready: true } } as MessageEvent<PreviewResponse>);
  const answer = (request: PreviewRequest) =>
    listener?.({
      data: { id: request.id, preview: previewFile(request.bytes, request.fileName, request.kind, request.shop, request.mapping) },
    } as MessageEvent<PreviewResponse>);
  return { port, asked, answer, ready };
}

const shop = { locale: 'en-US', currency: 'USD' };
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../../../spreadsheet-core/fixtures', name)));

describe('the preview worker client', () => {
  it('gives each answer to the request that asked, whatever the order they come back in', async () => {
    const { port, asked, answer, ready } = fakePort();
    const sut = new PreviewClient(port);
    const first = sut.preview({ bytes: bytesOf('clean-products.xlsx'), fileName: 'clean-products.xlsx', kind: 'products', shop });
    const second = sut.preview({ bytes: bytesOf('comma.csv'), fileName: 'comma.csv', kind: 'products', shop });
    // Nothing is posted until the worker says it listens (a message before that could be lost).
    await Promise.resolve();
    expect(asked).toEqual([]);
    ready();
    await new Promise((resolve) => setTimeout(resolve, 0));
    answer(asked[1]);
    answer(asked[0]);
    expect(await first).toMatchObject({ readable: true, rows: 3 });
    expect(await second).toMatchObject({ readable: true, rows: 2 });
  });

  it('fails the requests still waiting when it is closed, and stops the worker', async () => {
    const { port } = fakePort();
    const sut = new PreviewClient(port);
    const waiting = sut.preview({ bytes: new Uint8Array(), fileName: 'empty.csv', kind: 'products', shop });
    sut.close();
    await expect(waiting).rejects.toThrow('the file reader was closed');
    expect(port.terminate).toHaveBeenCalled();
  });

  it('fails what waits when the worker itself fails, instead of reading forever', async () => {
    const { port } = fakePort();
    const sut = new PreviewClient(port);
    const waiting = sut.preview({ bytes: new Uint8Array(), fileName: 'empty.csv', kind: 'products', shop });
    port.onerror?.(new Event('error'));
    await expect(waiting).rejects.toThrow('the file reader stopped');
  });
});
