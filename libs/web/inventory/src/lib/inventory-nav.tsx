'use client';
import { useSession } from '@kassa/web/auth';
import { AreaNav } from '@kassa/web/ui';

const LINKS = [
  { href: '/inventory', label: 'Stock levels' },
  { href: '/inventory/count', label: 'Count', permission: 'inventory:manage' },
  { href: '/inventory/transfers', label: 'Transfer', permission: 'inventory:manage' },
  { href: '/inventory/ledger', label: 'Ledger' },
];

/** The stock area's own links, under the page header; what a role cannot do is not offered. */
export function InventoryNav() {
  const { can } = useSession();
  return <AreaNav label="Stock" links={LINKS.filter((link) => !link.permission || can(link.permission))} />;
}
