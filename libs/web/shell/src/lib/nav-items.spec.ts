import { ROLE_PERMISSIONS, type Role } from '@kassa/contracts';
import { activeNavItem, visibleNavItems } from './nav-items';

const labelsFor = (role: Role) => visibleNavItems((permission) => ROLE_PERMISSIONS[role].includes(permission)).map((item) => item.label);

describe('visibleNavItems', () => {
  it('shows an owner every area', () => {
    expect(labelsFor('owner')).toEqual(['Dashboard', 'POS', 'Products', 'Sales', 'Purchasing', 'Users', 'Devices', 'Settings']);
  });

  it('hides user management from a cashier', () => {
    expect(labelsFor('cashier')).toEqual(['Dashboard', 'POS', 'Products', 'Sales', 'Settings']);
  });
});

describe('activeNavItem', () => {
  it('marks an area active on its sub-pages but not on a look-alike path', () => {
    expect(activeNavItem('/settings/taxes')?.label).toBe('Settings');
    expect(activeNavItem('/salesman')).toBeUndefined();
  });
});
