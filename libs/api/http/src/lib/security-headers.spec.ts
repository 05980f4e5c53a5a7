import Fastify from 'fastify';
import { API_SECURITY_OPTIONS, installSecurityHeaders, securityHeaders } from './security-headers';

const DOCUMENTS = {
  under: '/api/docs',
  options: { contentSecurityPolicy: { directives: { 'style-src': ["'self'", "'unsafe-inline'"], 'img-src': ["'self'", 'data:'] } } },
};

describe('security headers', () => {
  it("are OWASP's REST set for answers that are not pages, and no document-only header", () => {
    expect(securityHeaders(API_SECURITY_OPTIONS)).toEqual({
      'content-security-policy': "default-src 'none';frame-ancestors 'none'",
      'cross-origin-resource-policy': 'same-origin',
      'referrer-policy': 'no-referrer',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'DENY',
    });
  });

  it("are helmet's whole set for pages, with the CSP's directives as given", () => {
    const headers = securityHeaders(DOCUMENTS.options);
    expect(headers['content-security-policy']).toContain("style-src 'self' 'unsafe-inline'");
    expect(headers['content-security-policy']).toContain("img-src 'self' data:");
    expect(headers).toMatchObject({
      'x-content-type-options': 'nosniff',
      'x-frame-options': 'SAMEORIGIN',
      'strict-transport-security': 'max-age=31536000; includeSubDomains',
      'cross-origin-opener-policy': 'same-origin',
    });
  });

  it('go out with every answer, a 404 included, the pages with theirs', async () => {
    const app = Fastify();
    installSecurityHeaders(app, { documents: DOCUMENTS });
    app.get('/ok', async () => ({ ok: true }));
    app.get('/api/docs', async (_request, reply) => reply.type('text/html').send('<!doctype html>'));
    const api = securityHeaders(API_SECURITY_OPTIONS)['content-security-policy'];
    const documents = securityHeaders(DOCUMENTS.options)['content-security-policy'];
    for (const [url, csp] of [
      ['/ok', api],
      ['/missing', api],
      ['/api/docs', documents],
    ]) {
      const response = await app.inject({ url });
      expect([url, response.headers['x-content-type-options'], response.headers['content-security-policy']]).toEqual([url, 'nosniff', csp]);
    }
    await app.close();
  });
});
