import fc from 'fast-check';
import { MANAGEABLE_ROLES, Permission, PERMISSIONS, permissionsBeyond, ROLE_PERMISSIONS, roleHasPermission, ROLES } from './permissions';

describe('role permissions', () => {
  it('gives owners every permission', () => {
    expect([...ROLE_PERMISSIONS.owner].sort()).toEqual([...PERMISSIONS].sort());
  });

  it('keeps tenant settings and API keys with owners', () => {
    for (const role of ['manager', 'cashier'] as const) {
      expect(roleHasPermission(role, 'tenant:manage')).toBe(false);
      expect(roleHasPermission(role, 'api_keys:manage')).toBe(false);
    }
  });

  it('lets owners and managers, not cashiers, grant discounts and change prices', () => {
    for (const permission of ['sales:discount', 'sales:override_price'] as const) {
      expect(ROLES.filter((role) => roleHasPermission(role, permission))).toEqual(['owner', 'manager']);
    }
  });

  it('never gives a role more than the role above it', () => {
    for (const permission of ROLE_PERMISSIONS.cashier) expect(ROLE_PERMISSIONS.manager).toContain(permission);
    for (const permission of ROLE_PERMISSIONS.manager) expect(ROLE_PERMISSIONS.owner).toContain(permission);
  });

  it('lets managers manage only cashiers, and cashiers no one', () => {
    expect(MANAGEABLE_ROLES.owner).toEqual(ROLES);
    expect(MANAGEABLE_ROLES.manager).toEqual(['cashier']);
    expect(MANAGEABLE_ROLES.cashier).toEqual([]);
  });
});

describe('permissionsBeyond', () => {
  const subsetOf = (permissions: readonly Permission[]) => fc.subarray([...permissions]);

  it('is empty exactly when the grant is within what is held', () => {
    fc.assert(
      fc.property(subsetOf(PERMISSIONS), subsetOf(PERMISSIONS), (granted, held) => {
        const sut = permissionsBeyond(granted, held);
        expect(sut.length === 0).toBe(granted.every((permission) => held.includes(permission)));
        for (const permission of sut) expect(held).not.toContain(permission);
      }),
    );
  });

  it('lets a role grant itself and the roles below it, never the roles above', () => {
    expect(permissionsBeyond(ROLE_PERMISSIONS.cashier, ROLE_PERMISSIONS.manager)).toEqual([]);
    expect(permissionsBeyond(ROLE_PERMISSIONS.manager, ROLE_PERMISSIONS.owner)).toEqual([]);
    expect(permissionsBeyond(ROLE_PERMISSIONS.manager, ROLE_PERMISSIONS.cashier)).toContain('users:manage');
    expect(permissionsBeyond(ROLE_PERMISSIONS.owner, ROLE_PERMISSIONS.manager)).toContain('api_keys:manage');
  });

  it('names what a key scoped only to users:manage lacks to create a cashier', () => {
    expect(permissionsBeyond(ROLE_PERMISSIONS.cashier, ['users:manage'])).toEqual(ROLE_PERMISSIONS.cashier);
  });
});
