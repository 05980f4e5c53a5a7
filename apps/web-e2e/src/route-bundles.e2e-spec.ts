import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

// What each route loads, checked on what `next build` wrote — each route's client reference manifest and
// prerendered HTML — not on the source: the charts' library (uPlot) never weighs on the till or sign-in (DESIGN.md
// §13), and the till's first paint carries none of the back office's providers.
const NEXT = path.resolve(__dirname, '../../web/.next');
// A class name only uPlot's code carries (its cursor points).
const UPLOT_SIGNATURE = 'u-cursor-pt';

const read = (file: string) => readFileSync(path.join(NEXT, file), 'utf8');
const CHUNK = /static\/chunks\/[\w-]+\.js/g;

/** Every script a route can load on its own: its prerendered HTML's, the root files, and each chunk its client manifest names. */
function routeChunks(route: string, appDir: string): Set<string> {
  const manifest = read(path.join('server/app', appDir, 'page_client-reference-manifest.js'));
  const html = read(path.join('server/app', `${route.slice(1)}.html`));
  const root = (JSON.parse(read('build-manifest.json')) as { rootMainFiles: string[] }).rootMainFiles;
  return new Set([...manifest.matchAll(CHUNK), ...html.matchAll(CHUNK)].map(([file]) => file).concat(root));
}

/** The module scripts the route's HTML loads before anything else: its first-load JS (as tools/bench/first-load-js.mjs counts it, without the `nomodule` polyfills). */
function firstLoad(route: string): string[] {
  const scripts = read(path.join('server/app', `${route.slice(1)}.html`)).matchAll(/<script\b([^>]*)\bsrc="\/_next\/(static\/chunks\/[\w-]+\.js)"([^>]*)>/g);
  return [...new Set([...scripts].filter(([, before, , after]) => !/nomodule/i.test(before + after)).map(([, , file]) => file))];
}

describe('chart code in the built web app', () => {
  const chunks = existsSync(NEXT) ? readdirSync(path.join(NEXT, 'static/chunks')).filter((file) => file.endsWith('.js')) : [];
  const chartChunks = chunks.filter((file) => read(`static/chunks/${file}`).includes(UPLOT_SIGNATURE)).map((file) => `static/chunks/${file}`);

  it('is built into chunks of its own', () => {
    expect(existsSync(path.join(NEXT, 'BUILD_ID'))).toBe(true);
    expect(chartChunks.length).toBeGreaterThan(0);
  });

  it.each([
    ['/pos', '(pos)/pos'],
    ['/login', '(office)/(auth)/login'],
  ])('is absent from everything %s loads', (route, appDir) => {
    const loaded = routeChunks(route, appDir);
    expect(loaded.size).toBeGreaterThan(3);
    expect(chartChunks.filter((file) => loaded.has(file))).toEqual([]);
    expect(
      [...loaded].filter((file) => read(file).includes(UPLOT_SIGNATURE) || chartChunks.some((chart) => read(file).includes(path.basename(chart)))),
    ).toEqual([]);
  });

  it('reaches /dashboard only on demand, after its first load, whose size is reported', () => {
    const first = firstLoad('/dashboard');
    expect(chartChunks.filter((file) => first.includes(file))).toEqual([]);
    // The dashboard's own code asks for the chart chunk when a chart is first drawn.
    const loaded = [...routeChunks('/dashboard', '(office)/(app)/dashboard')];
    expect(loaded.some((file) => chartChunks.some((chart) => read(file).includes(path.basename(chart))))).toBe(true);
    const gzipped = first.reduce((total, file) => total + gzipSync(readFileSync(path.join(NEXT, file)), { level: 9 }).length, 0);
    const chart = chartChunks.reduce((total, file) => total + gzipSync(readFileSync(path.join(NEXT, file)), { level: 9 }).length, 0);
    console.log(
      `/dashboard first-load JS: ${(gzipped / 1024).toFixed(1)} KB gzipped (${first.length} scripts); the chart chunk loaded after it: ${(chart / 1024).toFixed(1)} KB gzipped`,
    );
    expect(gzipped).toBeGreaterThan(0);
  });
});

describe("the till's first load in the built web app", () => {
  // Strings only each piece's code carries: TanStack Query's provider check, the unsaved-work guard's dialog, the
  // pairing screen's (it brings the session it needs when a manager pairs the tablet).
  const BACK_OFFICE_SIGNATURES = ['No QueryClient set', 'Leave without saving?', 'Checking for a manager session'];

  it.each(BACK_OFFICE_SIGNATURES)('carries no code with %p', (signature) => {
    const first = firstLoad('/pos');
    expect(first.length).toBeGreaterThan(3);
    expect(first.filter((file) => read(file).includes(signature))).toEqual([]);
  });

  it('finds each of those strings in the build, so their absence above means something', () => {
    const chunks = readdirSync(path.join(NEXT, 'static/chunks')).filter((file) => file.endsWith('.js'));
    for (const signature of BACK_OFFICE_SIGNATURES) expect(chunks.some((file) => read(`static/chunks/${file}`).includes(signature))).toBe(true);
  });
});

describe('the sign-in page in the built web app', () => {
  it('is prerendered with its form, so it paints before any script has run', () => {
    const html = read('server/app/login.html');
    expect(html).toMatch(/<form\b/);
    for (const label of ['Shop', 'Email', 'Password']) expect(html).toContain(`>${label}<`);
  });
});

describe("the back office's prerendered pages", () => {
  it.each(['login', 'dashboard'])('ask for the session in the HTML itself (/%s), while their scripts download', (page) => {
    const html = read(`server/app/${page}.html`);
    expect(html).toMatch(/<script>[^<]*fetch\('\/session\/refresh'[^<]*<\/script>/);
  });

  it('leave the till out of it', () => {
    expect(read('server/app/pos.html')).not.toContain("'/session/refresh'");
  });
});
