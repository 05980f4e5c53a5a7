'use client';
import { usePathname, useRouter } from 'next/navigation';
import { useCallback, useEffect, useState, type ReactNode } from 'react';
import { useSession } from '@kassa/web/auth';
import { InstallButton, useOnline } from '@kassa/web/pwa';
import { CommandPalette } from '@kassa/web/search';
import { ShortcutSheet, useShortcut } from '@kassa/web/shortcuts';
import { ThemeSwitcher } from '@kassa/web/theme';
import { NotificationBell, RealtimeIndicator } from '@kassa/web/realtime';
import { IntentLink, ShopLocaleProvider, useNavigationGuard } from '@kassa/web/ui';
import styles from './app-shell.module.css';
import { activeNavItem, visibleNavItems, type NavItem } from './nav-items';
import { StorePicker } from './store-picker';
import { useSearchSources } from './use-search-sources';

function AreaShortcut({ item, go }: { item: NavItem & { digit: string }; go: (href: string) => void }) {
  useShortcut({
    id: `nav.${item.href}`,
    combo: { key: item.digit, ctrl: true },
    description: `Go to ${item.label}`,
    group: 'Navigation',
    run: () => go(item.href),
  });
  return null;
}

/** The signed-in frame of every back-office and POS page: top bar, sidebar, palette and shortcut sheet. */
export function AppShell({ children }: { children: ReactNode }) {
  const session = useSession();
  const router = useRouter();
  const pathname = usePathname();
  const online = useOnline();
  const [paletteOpen, setPaletteOpen] = useState(false);
  const [sheetOpen, setSheetOpen] = useState(false);
  const openSheet = useCallback(() => setSheetOpen(true), []);
  const sources = useSearchSources(openSheet);
  const { navigate } = useNavigationGuard();
  const go = useCallback((href: string) => navigate(href), [navigate]);

  useEffect(() => {
    if (session.status === 'signed-out') router.replace(`/login?next=${encodeURIComponent(pathname)}`);
  }, [session.status, router, pathname]);

  if (session.status !== 'signed-in') {
    // The frame as it will be (top bar, sidebar, content), so nothing moves when the shop arrives; prerendered, it is
    // the page's first paint.
    return (
      <div className={styles.frame}>
        <header className={styles.topbar}>
          <span className={styles.brand}>Kassa</span>
        </header>
        <div className={styles.sidebar} />
        <main id="main" tabIndex={-1} className={styles.main}>
          <p role="status" className={styles.loading}>
            Loading your shop…
          </p>
        </main>
      </div>
    );
  }

  const can = (permission: string) => session.can(permission);
  const items = visibleNavItems(can);
  const active = activeNavItem(pathname);
  return (
    <div className={styles.frame}>
      <a href="#main" className={styles.skip}>
        Skip to content
      </a>
      <header className={styles.topbar}>
        <IntentLink href="/dashboard" className={styles.brand}>
          Kassa
        </IntentLink>
        <span className={styles.shop}>{session.me?.tenant.name}</span>
        <button type="button" className={styles.search} onClick={() => setPaletteOpen(true)} aria-keyshortcuts="Control+K Meta+K">
          Search <kbd>Ctrl K</kbd>
        </button>
        <div className={styles.tools}>
          <StorePicker />
          <RealtimeIndicator online={online && !session.offline} />
          <NotificationBell />
          <InstallButton className={styles.toolButton} />
          <ThemeSwitcher />
          <span className={styles.user}>{session.me?.user.name}</span>
          <button type="button" className={styles.toolButton} onClick={() => void session.signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav aria-label="Main" className={styles.sidebar}>
        <ul>
          {items.map((item) => (
            <li key={item.href}>
              <IntentLink href={item.href} className={styles.navLink} aria-current={item === active ? 'page' : undefined}>
                {item.label}
                {item.digit && <kbd className={styles.navKey}>Ctrl {item.digit}</kbd>}
              </IntentLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1} className={styles.main}>
        {session.me ? <ShopLocaleProvider value={session.me.tenant}>{children}</ShopLocaleProvider> : children}
      </main>
      {items
        .filter((item): item is NavItem & { digit: string } => item.digit !== undefined)
        .map((item) => (
          <AreaShortcut key={item.href} item={item} go={go} />
        ))}
      <CommandPalette sources={sources} onNavigate={go} open={paletteOpen} onOpenChange={setPaletteOpen} />
      <ShortcutSheet open={sheetOpen} onOpenChange={setSheetOpen} />
    </div>
  );
}
