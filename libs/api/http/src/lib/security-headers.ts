import type { FastifyInstance } from 'fastify';
import helmet, { type HelmetOptions } from 'helmet';
import type { IncomingMessage, ServerResponse } from 'node:http';

/**
 * What an answer that is not a page carries: OWASP's set for REST services. Helmet's other headers (COOP, origin-agent
 * cluster, the DNS-prefetch, download, cross-domain-policy and XSS-auditor switches, a CSP listing script and style
 * sources) only mean something to a document a browser renders; JSON is never one, and this CSP says so if a browser is
 * pointed at it anyway. Every answer sends these, so each header left out is bytes and work saved on every request.
 */
export const API_SECURITY_OPTIONS: HelmetOptions = {
  contentSecurityPolicy: { useDefaults: false, directives: { 'default-src': ["'none'"], 'frame-ancestors': ["'none'"] } },
  crossOriginOpenerPolicy: false,
  originAgentCluster: false,
  xDnsPrefetchControl: false,
  xDownloadOptions: false,
  xPermittedCrossDomainPolicies: false,
  xXssProtection: false,
  xFrameOptions: { action: 'deny' },
};

/**
 * The headers helmet sets for these options, worked out once. The options never vary per request here (no CSP nonces),
 * and @fastify/helmet rebuilt helmet and re-parsed the CSP directives on every request (5% of a cached read's time).
 */
export function securityHeaders(options: HelmetOptions): Record<string, string> {
  const headers: Record<string, string> = {};
  const response = {
    setHeader: (name: string, value: string | number) => (headers[name.toLowerCase()] = String(value)),
    removeHeader: (name: string) => delete headers[name.toLowerCase()],
  };
  let done = false;
  helmet(options)({} as IncomingMessage, response as unknown as ServerResponse, () => (done = true));
  if (!done) throw new Error('helmet did not finish at once: its headers depend on the request');
  return headers;
}

export interface SecurityHeaderOptions {
  /** Where the pages are (Swagger UI): they get helmet's whole set for documents, with these options. */
  documents: { under: string; options: HelmetOptions };
}

/** Sends the security headers (computed once) with every answer, errors and routes outside Nest included. */
export function installSecurityHeaders(fastify: FastifyInstance, { documents }: SecurityHeaderOptions): void {
  const forApi = securityHeaders(API_SECURITY_OPTIONS);
  const forDocuments = securityHeaders(documents.options);
  fastify.addHook('onRequest', (request, reply, done) => {
    reply.headers(request.url.startsWith(documents.under) ? forDocuments : forApi);
    done();
  });
}
