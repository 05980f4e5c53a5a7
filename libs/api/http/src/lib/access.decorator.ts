import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiSecurity } from '@nestjs/swagger';
import type { Permission } from '@kassa/contracts';

export const ACCESS_RULE = 'kassa:access-rule';

/** Who may call a route. Every route declares one; the auth guard refuses routes that do not. */
export type AccessRule =
  | { public: true }
  | { public: false; permissions: Permission[]; anyOf?: undefined }
  | { public: false; permissions: []; anyOf: Permission[] }
  | { public: false; permissions: []; anyOf: [Permission, Permission]; approvedBy: Permission }
  | { device: true; public: false; permissions: [] };

/** Callable without credentials (health, sign-up, login). */
export const Public = () => SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule);

/** Callable by a user or API key holding every listed permission. */
export const RequirePermissions = (...permissions: [Permission, ...Permission[]]) =>
  SetMetadata(ACCESS_RULE, { public: false, permissions } satisfies AccessRule);

/**
 * Callable by a user or API key holding at least one of the listed permissions: a route two kinds of work
 * share (a receiver opens the order a manager reads). The service narrows what each may see.
 */
export const RequireAnyPermission = (...permissions: [Permission, Permission, ...Permission[]]) =>
  SetMetadata(ACCESS_RULE, { public: false, permissions: [], anyOf: permissions } satisfies AccessRule);

/**
 * Callable by a holder of `permission`, or of `otherwise` when the request carries the approval of a user
 * holding `permission` (a manager's PIN at the till). Both get past the guard; the handler checks the approval.
 */
export const RequirePermissionOrApproval = (permission: Permission, otherwise: Permission) =>
  SetMetadata(ACCESS_RULE, { public: false, permissions: [], anyOf: [permission, otherwise], approvedBy: permission } satisfies AccessRule);

/** Callable by any signed-in user or API key of the tenant (`GET /me`). */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { public: false, permissions: [] } satisfies AccessRule);

/** The OpenAPI security scheme of `Authorization: Device <token>` (declared where the document is built). */
export const DEVICE_SECURITY_SCHEME = 'device';

/** Documents that the route takes a paired device's `Authorization: Device <token>`. */
export const DeviceAuth = () => ApiSecurity(DEVICE_SECURITY_SCHEME);

/** Callable only by a paired device on its own (`Authorization: Device <token>`): the till before anyone signs in. */
export const DeviceOnly = () => applyDecorators(SetMetadata(ACCESS_RULE, { device: true, public: false, permissions: [] } satisfies AccessRule), DeviceAuth());
