import { errorFingerprint, normalizedFrames, scrubSecrets } from './error-fingerprint';

const stackAt = (line: number, root: string) => `TypeError: x is undefined
    at ProductsService.get (${root}/libs/api/catalog/src/lib/products.service.ts:${line}:13)
    at async ProductsController.get (${root}/libs/api/catalog/src/lib/products.controller.ts:84:21)`;

describe('error fingerprint', () => {
  it('groups the same error from another build (lines moved, another checkout path)', () => {
    expect(errorFingerprint('api', 'TypeError', stackAt(120, '/srv/a'), '/api/v1/products/:id')).toBe(
      errorFingerprint('api', 'TypeError', stackAt(131, '/home/b/kassa'), '/api/v1/products/:id'),
    );
  });

  it('keeps apart the same error on another route, of another type or from another source', () => {
    const base = errorFingerprint('api', 'TypeError', stackAt(120, '/srv'), '/api/v1/products/:id');
    expect(errorFingerprint('api', 'TypeError', stackAt(120, '/srv'), '/api/v1/sales/:id')).not.toBe(base);
    expect(errorFingerprint('api', 'RangeError', stackAt(120, '/srv'), '/api/v1/products/:id')).not.toBe(base);
    expect(errorFingerprint('web', 'TypeError', stackAt(120, '/srv'), '/api/v1/products/:id')).not.toBe(base);
  });

  it('reads browser stacks and drops chunk hashes', () => {
    const one = normalizedFrames('render@https://shop.example/_next/static/chunks/page-1a2b3c4d5e6f.js?v=1:1:2345');
    const two = normalizedFrames('render@https://shop.example/_next/static/chunks/page-99887766aabb.js?v=2:1:999');
    expect(one).toEqual(two);
  });

  it('takes tokens, keys and passwords out of messages', () => {
    const scrubbed = scrubSecrets('failed for Bearer eyJhbGciOi.eyJzdWIiOi.sig with kas_abc123 and password=hunter2, whsec_c2VjcmV0');
    expect(scrubbed).not.toMatch(/eyJ|abc123|hunter2|c2VjcmV0/);
  });
});
