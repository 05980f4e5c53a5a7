export { Idempotent } from './lib/idempotent.decorator';
export { requestFingerprint } from './lib/request-fingerprint';
