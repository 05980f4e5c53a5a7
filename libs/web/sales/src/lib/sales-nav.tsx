'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSession } from '@kassa/web/auth';
import styles from './sales.module.css';

const LINKS = [
  { href: '/sales', label: 'Sales', permission: 'sales:read' },
  { href: '/sales/summary', label: 'Daily summary', permission: 'sales:read' },
  { href: '/sales/reconciliation', label: 'Reconciliation', permission: 'sales:review' },
];

/** The sales area's own links, under the page header. */
export function SalesNav() {
  const pathname = usePathname();
  const { can } = useSession();
  return (
    <nav aria-label="Sales area">
      <ul className={styles.subnav}>
        {LINKS.filter((link) => can(link.permission)).map((link) => (
          <li key={link.href}>
            <Link href={link.href} aria-current={pathname === link.href ? 'page' : undefined}>
              {link.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
