import { MANAGEABLE_ROLES, PERMISSIONS, ROLE_PERMISSIONS, roleHasPermission, ROLES } from './permissions';

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
