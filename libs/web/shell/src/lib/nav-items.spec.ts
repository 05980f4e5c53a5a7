import { ROLE_PERMISSIONS, type Role } from '@kassa/contracts';
import { activeNavItem, visibleNavItems } from './nav-items';

const labelsFor = (role: Role) => visibleNavItems((permission) => ROLE_PERMISSIONS[role].includes(permission)).map((item) => item.label);

describe('visibleNavItems', () => {
  it('shows an owner every area', () => {
    expect(labelsFor('owner')).toEqual([
      'Dashboard',
      'POS',
      'Products',
      'Stock',
      'Sales',
      'Customers',
      'Analytics',
      'Purchasing',
      'Users',
      'Devices',
      'Monitoring',
      'Settings',
    ]);
  });

  it('shows analytics to owners and managers, not to cashiers', () => {
    expect(labelsFor('manager')).toContain('Analytics');
    expect(labelsFor('cashier')).not.toContain('Analytics');
  });

  it('hides user management and administration from a cashier, and shows purchasing for the deliveries they receive', () => {
    expect(labelsFor('cashier')).toEqual(['Dashboard', 'POS', 'Products', 'Stock', 'Sales', 'Customers', 'Purchasing']);
  });

  it('shows a manager the administration they can do', () => {
    expect(labelsFor('manager')).toContain('Settings');
  });
});

describe('activeNavItem', () => {
  it('marks an area active on its sub-pages but not on a look-alike path', () => {
    expect(activeNavItem('/settings/taxes')?.label).toBe('Settings');
    expect(activeNavItem('/salesman')).toBeUndefined();
  });
});
