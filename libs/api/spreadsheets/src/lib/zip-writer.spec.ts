import * as XLSX from '@e965/xlsx';
import { PassThrough } from 'node:stream';
import { buffer } from 'node:stream/consumers';
import { ZipWriter } from './zip-writer';

const contentOf = (zip: Buffer, path: string) => Buffer.from(XLSX.CFB.find(XLSX.CFB.read(zip, { type: 'buffer' }), path)?.content as Uint8Array).toString();

describe('ZipWriter', () => {
  it('writes whole files and a file streamed in pieces into one archive a zip reader opens', async () => {
    const output = new PassThrough();
    const bytes = buffer(output);
    const sut = new ZipWriter(output);
    sut.addFile('a.txt', 'first file, written whole');
    const streamed = sut.openFile('dir/b.xml');
    const pieces = Array.from({ length: 2_000 }, (_, i) => `<row r="${i}">ü ${i}</row>`);
    for (const piece of pieces) streamed.write(piece);
    await streamed.drained();
    await streamed.close();
    sut.addFile('c.txt', 'after the streamed one');
    sut.finish();
    const zip = await bytes;
    expect(contentOf(zip, '/a.txt')).toBe('first file, written whole');
    expect(contentOf(zip, '/dir/b.xml')).toBe(pieces.join(''));
    expect(contentOf(zip, '/c.txt')).toBe('after the streamed one');
  });
});
