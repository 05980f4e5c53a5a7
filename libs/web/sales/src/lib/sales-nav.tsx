'use client';
import { useSession } from '@kassa/web/auth';
import { AreaNav } from '@kassa/web/ui';

const LINKS = [
  { href: '/sales', label: 'Sales', permission: 'sales:read' },
  { href: '/sales/summary', label: 'Daily summary', permission: 'sales:read' },
  { href: '/sales/reconciliation', label: 'Reconciliation', permission: 'sales:review' },
];

/** The sales area's own links, under the page header. */
export function SalesNav() {
  const { can } = useSession();
  return <AreaNav label="Sales area" links={LINKS.filter((link) => can(link.permission))} />;
}
