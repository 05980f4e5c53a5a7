'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSession } from '@kassa/web/auth';
import styles from './purchasing.module.css';

// A receiver without `purchasing:read` (a cashier) has the orders to receive and nothing else.
const LINKS = [
  { href: '/purchasing', label: 'Orders' },
  { href: '/purchasing/approvals', label: 'Approval inbox', permission: 'purchasing:approve' },
  { href: '/purchasing/suppliers', label: 'Suppliers', permission: 'purchasing:read' },
  { href: '/purchasing/reorder', label: 'Reorder suggestions', permission: 'purchasing:read' },
];

/** The purchasing area's own links, under the page header. */
export function PurchasingNav() {
  const pathname = usePathname();
  const { can } = useSession();
  return (
    <nav aria-label="Purchasing">
      <ul className={styles.subnav}>
        {LINKS.filter((link) => !link.permission || can(link.permission)).map((link) => (
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
