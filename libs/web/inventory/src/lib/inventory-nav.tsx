'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import { useSession } from '@kassa/web/auth';
import styles from './inventory.module.css';

const LINKS = [
  { href: '/inventory', label: 'Stock levels' },
  { href: '/inventory/count', label: 'Count', permission: 'inventory:manage' },
  { href: '/inventory/transfers', label: 'Transfer', permission: 'inventory:manage' },
  { href: '/inventory/ledger', label: 'Ledger' },
];

/** The stock area's own links, under the page header; what a role cannot do is not offered. */
export function InventoryNav() {
  const pathname = usePathname();
  const { can } = useSession();
  return (
    <nav aria-label="Stock">
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
