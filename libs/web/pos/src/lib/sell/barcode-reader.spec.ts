import { readFileSync } from 'node:fs';
import path from 'node:path';
import { ZXING_WASM_URL } from './barcode-reader';

describe("the camera scanner's zxing decoder", () => {
  it('is served by the app itself, the same bytes as the installed zxing-wasm (update both together)', () => {
    const served = readFileSync(path.join(__dirname, '../../../../../../apps/web/public', ZXING_WASM_URL));
    const installed = readFileSync(require.resolve('zxing-wasm/reader/zxing_reader.wasm'));
    expect(served.equals(installed)).toBe(true);
  });
});
