import type { Permission } from '@kassa/contracts';

export interface NavItem {
  href: string;
  label: string;
  /** Ctrl+<digit> jumps here. */
  digit?: '1' | '2' | '3' | '4';
  /** Shown only to users holding it. */
  permission?: Permission;
  keywords?: string[];
}

/** The main areas. Products gets its permission when the catalog module asks for one. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', digit: '1', keywords: ['home', 'overview'] },
  { href: '/pos', label: 'POS', digit: '2', keywords: ['till', 'checkout', 'sell', 'register'] },
  { href: '/products', label: 'Products', digit: '3', keywords: ['catalog', 'items', 'stock'] },
  { href: '/sales', label: 'Sales', digit: '4', permission: 'sales:read', keywords: ['receipts', 'orders', 'transactions'] },
  { href: '/purchasing', label: 'Purchasing', permission: 'purchasing:read', keywords: ['suppliers', 'purchase orders', 'receiving', 'reorder'] },
  { href: '/users', label: 'Users', permission: 'users:read', keywords: ['staff', 'team', 'people', 'cashiers'] },
  { href: '/devices', label: 'Devices', permission: 'devices:manage', keywords: ['tills', 'tablets', 'offline', 'queue', 'sync'] },
  { href: '/settings', label: 'Settings', permission: 'tenant:read', keywords: ['preferences', 'shop', 'tenant'] },
];

export function visibleNavItems(can: (permission: Permission) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => !item.permission || can(item.permission));
}

/** The item a path belongs to (`/settings/x` → Settings). */
export function activeNavItem(pathname: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
}
