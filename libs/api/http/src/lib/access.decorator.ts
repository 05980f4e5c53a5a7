import { applyDecorators, SetMetadata } from '@nestjs/common';
import { ApiExtension, ApiSecurity } from '@nestjs/swagger';
import type { Permission } from '@kassa/contracts';

export const ACCESS_RULE = 'kassa:access-rule';

/** The OpenAPI extension naming the permission a route needs (`catalog:read`, or `{ anyOf: [...] }`): partners read it, the document's descriptions repeat it. */
export const REQUIRED_PERMISSION_EXTENSION = 'x-required-permission';
/** Marks public and device-only routes in the OpenAPI document until it is built (their `security` is set from it, then it is removed). */
export const ACCESS_EXTENSION = 'x-kassa-access';

/** Who may call a route. Every route declares one; the auth guard refuses routes that do not. */
export type AccessRule =
  | { public: true }
  | { public: false; permissions: Permission[]; anyOf?: undefined }
  | { public: false; permissions: []; anyOf: Permission[] }
  | { public: false; permissions: []; anyOf: [Permission, Permission]; approvedBy: Permission }
  | { device: true; public: false; permissions: [] };

/** Callable without credentials (health, sign-up, login). */
export const Public = () => applyDecorators(SetMetadata(ACCESS_RULE, { public: true } satisfies AccessRule), ApiExtension(ACCESS_EXTENSION, 'public'));

/** Callable by a user or API key holding every listed permission. */
export const RequirePermissions = (...permissions: [Permission, ...Permission[]]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { public: false, permissions } satisfies AccessRule),
    ApiExtension(REQUIRED_PERMISSION_EXTENSION, permissions.length === 1 ? permissions[0] : { allOf: permissions }),
  );

/**
 * Callable by a user or API key holding at least one of the listed permissions: a route two kinds of work
 * share (a receiver opens the order a manager reads). The service narrows what each may see.
 */
export const RequireAnyPermission = (...permissions: [Permission, Permission, ...Permission[]]) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { public: false, permissions: [], anyOf: permissions } satisfies AccessRule),
    ApiExtension(REQUIRED_PERMISSION_EXTENSION, { anyOf: permissions }),
  );

/**
 * Callable by a holder of `permission`, or of `otherwise` when the request carries the approval of a user
 * holding `permission` (a manager's PIN at the till). Both get past the guard; the handler checks the approval.
 */
export const RequirePermissionOrApproval = (permission: Permission, otherwise: Permission) =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { public: false, permissions: [], anyOf: [permission, otherwise], approvedBy: permission } satisfies AccessRule),
    ApiExtension(REQUIRED_PERMISSION_EXTENSION, { anyOf: [permission, otherwise] }),
  );

/** Callable by any signed-in user or API key of the tenant (`GET /me`). */
export const Authenticated = () => SetMetadata(ACCESS_RULE, { public: false, permissions: [] } satisfies AccessRule);

/** The OpenAPI security scheme of `Authorization: Device <token>` (declared where the document is built). */
export const DEVICE_SECURITY_SCHEME = 'device';

/** Documents that the route takes a paired device's `Authorization: Device <token>`. */
export const DeviceAuth = () => ApiSecurity(DEVICE_SECURITY_SCHEME);

/** Callable only by a paired device on its own (`Authorization: Device <token>`): the till before anyone signs in. */
export const DeviceOnly = () =>
  applyDecorators(
    SetMetadata(ACCESS_RULE, { device: true, public: false, permissions: [] } satisfies AccessRule),
    DeviceAuth(),
    ApiExtension(ACCESS_EXTENSION, 'device'),
  );
