export { Idempotent } from './lib/idempotent.decorator';
