import { TenantRequestInterceptor } from '@kassa/api/tenancy';

/**
 * Counts the tenant transactions requests open, in every API of this process. Not `TenantTransaction.run`: the
 * relay and the event consumers open theirs in the background meanwhile (more of them the slower the machine), and an
 * actor past its cache bound is reloaded in one of its own.
 */
export const spyOnRequestTransactions = () => jest.spyOn(TenantRequestInterceptor.prototype, 'intercept');
