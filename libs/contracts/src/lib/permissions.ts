/** Roles a user can hold in a tenant (DESIGN.md §5). */
export const ROLES = ['owner', 'manager', 'cashier'] as const;
export type Role = (typeof ROLES)[number];

/**
 * Every permission a route can require. API keys are scoped to a subset of these.
 * Modules append theirs; names are `<area>:<verb>`.
 */
export const PERMISSIONS = [
  'tenant:read',
  'tenant:manage',
  'stores:read',
  'stores:manage',
  'users:read',
  'users:manage',
  'api_keys:manage',
  'events:read',
  'audit:read',
  'dead_letters:manage',
  'catalog:read',
  'catalog:manage',
  'webhooks:manage',
  'inventory:read',
  'inventory:manage',
  'customers:read',
  'customers:manage',
  'customers:erase',
  'sales:read',
  'sales:create',
  'sales:override_price',
  'sales:review',
  'sales:void',
  'sales:refund',
  'sales:discount',
  'devices:manage',
  'analytics:read',
  'imports:manage',
  'monitoring:read',
  'monitoring:manage',
  'purchasing:read',
  'purchasing:manage',
  'purchasing:receive',
  'purchasing:approve',
  // Live updates on the realtime socket and their replay, and the signed-in user's own notifications.
  'realtime:read',
  // Cash shifts (issue 22): opening, paying in and out, closing and printing X/Z reports at a till of one's stores;
  // reading every shift and report of the shop (or of one's stores) in the back office.
  'shifts:operate',
  'shifts:read',
] as const;
export type Permission = (typeof PERMISSIONS)[number];

const everything: readonly Permission[] = PERMISSIONS;

/** What each role may do. Managers manage cashiers (not managers or owners): the users service enforces that part. */
export const ROLE_PERMISSIONS: Record<Role, readonly Permission[]> = {
  owner: everything,
  manager: [
    'tenant:read',
    'stores:read',
    'stores:manage',
    'users:read',
    'users:manage',
    'catalog:read',
    'catalog:manage',
    'inventory:read',
    'inventory:manage',
    'customers:read',
    'customers:manage',
    'customers:erase',
    'sales:read',
    'sales:create',
    'sales:override_price',
    'sales:review',
    'sales:void',
    'sales:refund',
    'sales:discount',
    'devices:manage',
    'analytics:read',
    'imports:manage',
    'monitoring:read',
    'purchasing:read',
    'purchasing:manage',
    'purchasing:receive',
    'purchasing:approve',
    'realtime:read',
    'shifts:operate',
    'shifts:read',
  ],
  // Cashiers look customers up and sign them up at the till; erasing one is a manager's call, and so is
  // selling below (or above) the catalog price. Their discounts stay within the shop's cashier limit.
  // They take deliveries in (purchasing:receive); ordering and approving is a manager's call.
  cashier: [
    'tenant:read',
    'stores:read',
    'catalog:read',
    'inventory:read',
    'customers:read',
    'customers:manage',
    'sales:read',
    'sales:create',
    'purchasing:receive',
    'realtime:read',
    'shifts:operate',
  ],
};

export function roleHasPermission(role: Role, permission: Permission): boolean {
  return ROLE_PERMISSIONS[role].includes(permission);
}

/** Which roles a user of `role` may create, edit or assign. */
export const MANAGEABLE_ROLES: Record<Role, readonly Role[]> = {
  owner: ROLES,
  manager: ['cashier'],
  cashier: [],
};

export function isPermission(value: unknown): value is Permission {
  return typeof value === 'string' && (PERMISSIONS as readonly string[]).includes(value);
}

/**
 * The permissions in `granted` that `held` lacks. Nobody grants what they don't hold: an API key's
 * scopes, and the role of a user someone creates or edits, must come back empty here against the caller's.
 */
export function permissionsBeyond(granted: readonly Permission[], held: readonly Permission[]): Permission[] {
  return granted.filter((permission) => !held.includes(permission));
}
