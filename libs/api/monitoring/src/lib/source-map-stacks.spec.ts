import { transform } from 'esbuild';
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { runInThisContext } from 'node:vm';
import { SourceMapStacks } from './source-map-stacks';

const SOURCE = `export function checkout(total: number): number {
  if (total > 100) {
    throw new RangeError('total too large');
  }
  return total;
}
`;

/** A minified bundle with its map, as a web build's chunk, run under its public URL so the stack names that URL. */
async function bundle(directory: string, chunk: string) {
  const built = await transform(SOURCE, {
    loader: 'ts',
    minify: true,
    format: 'iife',
    globalName: 'shop',
    sourcemap: 'external',
    sourcefile: 'libs/web/till/src/lib/checkout.ts',
  });
  await mkdir(path.join(directory, 'static/chunks'), { recursive: true });
  await writeFile(path.join(directory, 'static/chunks', `${chunk}.map`), built.map);
  const url = `http://shop.example:3000/_next/static/chunks/${chunk}`;
  const shop = runInThisContext(`${built.code};shop`, { filename: url }) as { checkout(total: number): number };
  try {
    shop.checkout(101);
  } catch (error) {
    return { stack: (error as Error).stack ?? '', url, map: built.map };
  }
  throw new Error('checkout did not throw');
}

describe('SourceMapStacks', () => {
  let directory: string;
  beforeEach(async () => {
    directory = await mkdtemp(path.join(tmpdir(), 'kassa-source-maps-'));
  });
  afterEach(() => rm(directory, { recursive: true, force: true }));

  it("maps a minified bundle's frame back to the original file, line and column", async () => {
    const { stack, url } = await bundle(directory, 'checkout-3f9a1c.js');
    expect(stack).toContain(url);
    const sut = new SourceMapStacks(directory);
    const mapped = await sut.map(stack);
    expect(mapped.mapped).toBe(1);
    const [, frame] = mapped.stack.split('\n');
    // `new RangeError(…)` on line 3 (column 11) of the original.
    expect(frame).toMatch(/^ {4}at \S+ \(libs\/web\/till\/src\/lib\/checkout\.ts:3:11\)$/);
    // Frames of other files (here: this test's) stay as they were.
    expect(mapped.stack.split('\n').slice(2)).toEqual(stack.split('\n').slice(2));
  });

  it('maps through an index map (sections), as Turbopack writes them', async () => {
    const { stack, map } = await bundle(directory, 'plain.js');
    // The same module placed at line 6 of a chunk whose first lines come from another file.
    const other = { version: 3, sources: ['libs/web/other.ts'], mappings: 'AAAA' };
    const sectioned = {
      version: 3,
      sections: [
        { offset: { line: 0, column: 0 }, map: other },
        { offset: { line: 5, column: 0 }, map: JSON.parse(map) },
      ],
    };
    await writeFile(path.join(directory, 'static/chunks/sectioned.js.map'), JSON.stringify(sectioned));
    const moved = stack.replace(/\/plain\.js:1:(\d+)/, '/sectioned.js:6:$1');
    const mapped = await new SourceMapStacks(directory).map(moved);
    expect(mapped.mapped).toBe(1);
    expect(mapped.stack).toMatch(/\(libs\/web\/till\/src\/lib\/checkout\.ts:3:11\)/);
  });

  it('leaves a stack alone without a map, and never reads outside its folder', async () => {
    await writeFile(path.join(directory, 'outside.js.map'), '{"version":3,"sources":["secret.ts"],"mappings":"AAAA"}');
    const sut = new SourceMapStacks(path.join(directory, 'maps'));
    const stack = [
      'TypeError: x is undefined',
      '    at a (http://shop.example/_next/static/chunks/missing.js:1:10)',
      '    at http://shop.example/_next/../outside.js:1:1',
      'b@http://shop.example/%E0%A4%A.js:1:1',
    ].join('\n');
    expect(await sut.map(stack)).toEqual({ stack, mapped: 0 });
  });
});
