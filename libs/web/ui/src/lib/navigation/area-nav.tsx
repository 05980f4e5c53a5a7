'use client';
import Link from 'next/link';
import { usePathname } from 'next/navigation';
import styles from './area-nav.module.css';

export interface AreaLink {
  href: string;
  label: string;
}

/** An area's own links under its page header (Sales, Stock, Purchasing, Settings): the current page marked. */
export function AreaNav({ label, links }: { label: string; links: readonly AreaLink[] }) {
  const pathname = usePathname();
  return (
    <nav aria-label={label}>
      <ul className={styles.list}>
        {links.map((link) => (
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
