import type { Permission } from '@kassa/contracts';

export interface NavItem {
  href: string;
  label: string;
  /** Ctrl+<digit> jumps here. */
  digit?: '1' | '2' | '3' | '4';
  /** Shown only to users holding it (a list: one of them). */
  permission?: Permission | readonly Permission[];
  keywords?: string[];
}

/** The main areas. Products gets its permission when the catalog module asks for one. */
export const NAV_ITEMS: readonly NavItem[] = [
  { href: '/dashboard', label: 'Dashboard', digit: '1', keywords: ['home', 'overview'] },
  { href: '/pos', label: 'POS', digit: '2', keywords: ['till', 'checkout', 'sell', 'register'] },
  { href: '/products', label: 'Products', digit: '3', keywords: ['catalog', 'items'] },
  { href: '/inventory', label: 'Stock', permission: 'inventory:read', keywords: ['inventory', 'levels', 'count', 'transfer', 'ledger', 'adjust'] },
  { href: '/sales', label: 'Sales', digit: '4', permission: 'sales:read', keywords: ['receipts', 'orders', 'transactions'] },
  { href: '/customers', label: 'Customers', permission: 'customers:read', keywords: ['clients', 'buyers', 'consent', 'erase'] },
  { href: '/analytics', label: 'Analytics', permission: 'analytics:read', keywords: ['reports', 'charts', 'insights', 'forecast'] },
  // Receivers (cashiers) come for the deliveries to receive; the rest of purchasing needs `purchasing:read`.
  {
    href: '/purchasing',
    label: 'Purchasing',
    permission: ['purchasing:read', 'purchasing:receive'],
    keywords: ['suppliers', 'purchase orders', 'receiving', 'reorder'],
  },
  { href: '/users', label: 'Users', permission: 'users:read', keywords: ['staff', 'team', 'people', 'cashiers'] },
  { href: '/devices', label: 'Devices', permission: 'devices:manage', keywords: ['tills', 'tablets', 'offline', 'queue', 'sync'] },
  { href: '/monitoring', label: 'Monitoring', permission: 'monitoring:read', keywords: ['errors', 'latency', 'performance', 'health'] },
  // Administration: whoever changes the shop, its people, its partners' access or reads its audit log.
  {
    href: '/settings',
    label: 'Settings',
    permission: ['tenant:manage', 'stores:manage', 'users:manage', 'api_keys:manage', 'webhooks:manage', 'audit:read', 'events:read', 'dead_letters:manage'],
    keywords: ['preferences', 'shop', 'tenant', 'administration', 'api keys', 'webhooks', 'audit log', 'developers'],
  },
];

export function visibleNavItems(can: (permission: Permission) => boolean): NavItem[] {
  return NAV_ITEMS.filter((item) => {
    const { permission } = item;
    if (!permission) return true;
    return typeof permission === 'string' ? can(permission) : permission.some(can);
  });
}

/** The item a path belongs to (`/settings/x` → Settings). */
export function activeNavItem(pathname: string): NavItem | undefined {
  return NAV_ITEMS.find((item) => pathname === item.href || pathname.startsWith(`${item.href}/`));
}
