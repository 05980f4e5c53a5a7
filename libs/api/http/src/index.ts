export { ApiException } from './lib/api.exception';
export { ProblemDetailsFilter } from './lib/problem-details.filter';
export { createValidationPipe } from './lib/validation.pipe';
export { requestIdFor, REQUEST_ID_HEADER } from './lib/request-id';
export { installJsonBodyParser } from './lib/json-body-parser';
export { ACCESS_RULE, Authenticated, Public, RequirePermissions } from './lib/access.decorator';
export type { AccessRule } from './lib/access.decorator';
export { IsCurrencyCode, IsTimeZone } from './lib/validators';
export { IdParam } from './lib/id-param';
