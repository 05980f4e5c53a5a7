import { createTestDatabase, freePort, ServerProcess, startBuiltApi, startBuiltWeb, TEST_REDIS_URL, TestDatabase } from '@kassa/testing';

function statusOf(html: string): string | undefined {
  return /data-state="([a-z]+)"[^>]*data-testid="api-status"/.exec(html)?.[1];
}

describe('the landing page', () => {
  let database: TestDatabase;
  let api: ServerProcess;
  let web: ServerProcess;

  beforeAll(async () => {
    database = await createTestDatabase();
    const apiPort = await freePort();
    api = await startBuiltApi(apiPort, {
      DATABASE_URL: database.url,
      REDIS_URL: TEST_REDIS_URL,
    });
    web = await startBuiltWeb(await freePort(), { KASSA_API_URL: api.baseUrl });
  });

  afterAll(async () => {
    await web?.stop();
    await api?.stop();
    await database?.drop();
  });

  it('shows the API as up, checked by the server while rendering', async () => {
    const response = await fetch(web.baseUrl);
    const html = await response.text();
    expect(response.status).toBe(200);
    expect(statusOf(html)).toBe('up');
    expect(html).toContain('API is up');
    expect(html).toContain('Sign in');
  });

  it('shows the API as unreachable once it has stopped', async () => {
    await api.stop();
    const html = await fetch(web.baseUrl).then((response) => response.text());
    expect(statusOf(html)).toBe('unreachable');
    expect(html).toContain('API is unreachable');
  });

  it('serves its font from its own origin', async () => {
    const html = await fetch(web.baseUrl).then((response) => response.text());
    const stylesheets = [...html.matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map((match) => new URL(match[1], web.baseUrl));
    const fonts: URL[] = [];
    for (const stylesheet of stylesheets) {
      const css = await fetch(stylesheet).then((response) => response.text());
      expect(css).not.toMatch(/fonts\.(googleapis|gstatic)\.com/);
      fonts.push(...[...css.matchAll(/url\(([^)]+\.woff2)\)/g)].map((match) => new URL(match[1], stylesheet)));
    }
    expect(fonts.length).toBeGreaterThan(0);
    expect(fonts.every((font) => font.origin === web.baseUrl)).toBe(true);
    expect((await fetch(fonts[0])).status).toBe(200);
  });
});
