export { ApiException } from './lib/api.exception';
export { ProblemDetailsFilter } from './lib/problem-details.filter';
export type { ExceptionTranslator, UnexpectedErrorListener } from './lib/problem-details.filter';
export { createValidationPipe, fieldErrorsOf } from './lib/validation.pipe';
export { requestIdFor, REQUEST_ID_HEADER } from './lib/request-id';
export { installJsonBodyParser } from './lib/json-body-parser';
export { installInputGuard } from './lib/input-guard';
export { installCors } from './lib/cors';
export { installSecurityHeaders } from './lib/security-headers';
export { undeclaredNulls } from './lib/undeclared-nulls';
export { compileDtoCheck } from './lib/dto-check';
export { answerClientError, answerRouterRefusal, installProblemSafetyNet } from './lib/framework-errors';
export {
  ACCESS_EXTENSION,
  ACCESS_RULE,
  Authenticated,
  DEVICE_SECURITY_SCHEME,
  DeviceAuth,
  DeviceOnly,
  Public,
  RequireAnyPermission,
  RequirePermissionOrApproval,
  REQUIRED_PERMISSION_EXTENSION,
  RequirePermissions,
} from './lib/access.decorator';
export type { AccessRule } from './lib/access.decorator';
export { IsCalendarDate, isCalendarDate, IsCurrencyCode, IsLocaleTag, IsTimestamp, IsTimeZone } from './lib/validators';
export { IdParam } from './lib/id-param';
export { Client } from './lib/client-info.decorator';
export type { ClientInfo } from './lib/client-info.decorator';
export { Ctx } from './lib/ctx.decorator';
export type { Actor, Authentication, RequestContext } from './lib/request-context';
export { etagOf, expectedVersion } from './lib/if-match';
export { forbidden, invalidCursor, invalidField, invalidFields, malformedJson, versionMismatch } from './lib/http.exception';
export { BodyLimit, honourRouteBodyLimits } from './lib/body-limit.decorator';
export { AddRouteConfig } from './lib/route-config';
export { QueryBoolean, QueryInteger } from './lib/query-transforms';
export { cursorShape, decodeCursor, DEFAULT_PAGE_SIZE, encodeCursor, MAX_PAGE_SIZE, PageQueryDto, pageRequest, paginate } from './lib/pagination';
export type { CursorKey, CursorPart, CursorShape, Page, PageRequest } from './lib/pagination';
