'use client';
import { useSession } from '@kassa/web/auth';
import { AreaNav } from '@kassa/web/ui';

// A receiver without `purchasing:read` (a cashier) has the orders to receive and nothing else.
const LINKS = [
  { href: '/purchasing', label: 'Orders' },
  { href: '/purchasing/approvals', label: 'Approval inbox', permission: 'purchasing:approve' },
  { href: '/purchasing/suppliers', label: 'Suppliers', permission: 'purchasing:read' },
  { href: '/purchasing/reorder', label: 'Reorder suggestions', permission: 'purchasing:read' },
];

/** The purchasing area's own links, under the page header. */
export function PurchasingNav() {
  const { can } = useSession();
  return <AreaNav label="Purchasing" links={LINKS.filter((link) => !link.permission || can(link.permission))} />;
}
