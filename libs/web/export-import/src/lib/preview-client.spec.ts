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
    terminate: jest.fn(),
  };
  const answer = (request: PreviewRequest) =>
    listener?.({
      data: { id: request.id, preview: previewFile(request.bytes, request.fileName, request.kind, request.shop, request.mapping) },
    } as MessageEvent<PreviewResponse>);
  return { port, asked, answer };
}

const shop = { locale: 'en-US', currency: 'USD' };
const bytesOf = (name: string) => new Uint8Array(readFileSync(join(__dirname, '../../../../spreadsheet-core/fixtures', name)));

describe('the preview worker client', () => {
  it('gives each answer to the request that asked, whatever the order they come back in', async () => {
    const { port, asked, answer } = fakePort();
    const sut = new PreviewClient(port);
    const first = sut.preview({ bytes: bytesOf('clean-products.xlsx'), fileName: 'clean-products.xlsx', kind: 'products', shop });
    const second = sut.preview({ bytes: bytesOf('comma.csv'), fileName: 'comma.csv', kind: 'products', shop });
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
});
