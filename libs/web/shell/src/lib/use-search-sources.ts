'use client';
import { useTheme } from 'next-themes';
import { useMemo } from 'react';
import { useSession } from '@kassa/web/auth';
import { listSource, type SearchResult, type SearchSource } from '@kassa/web/search';
import { visibleNavItems } from './nav-items';

/** What global search covers today: pages and actions, products, users, stores. Customers and sales add theirs here. */
export function useSearchSources(openShortcuts: () => void): SearchSource[] {
  const session = useSession();
  const { setTheme } = useTheme();
  const { me, api } = session;
  return useMemo(() => {
    const can = (permission: string) => me?.permissions.includes(permission) ?? false;
    const actions: SearchResult[] = [
      ...visibleNavItems(can).map((item) => ({ id: item.href, title: item.label, subtitle: 'Go to', keywords: item.keywords, href: item.href })),
      { id: 'theme-dark', title: 'Dark theme', subtitle: 'Theme', keywords: ['appearance', 'night'], perform: () => setTheme('dark') },
      { id: 'theme-light', title: 'Light theme', subtitle: 'Theme', keywords: ['appearance', 'day'], perform: () => setTheme('light') },
      { id: 'theme-system', title: 'System theme', subtitle: 'Theme', keywords: ['appearance', 'auto'], perform: () => setTheme('system') },
      { id: 'shortcuts', title: 'Keyboard shortcuts', subtitle: 'Help', keywords: ['keys', 'help'], perform: openShortcuts },
      { id: 'sign-out', title: 'Sign out', subtitle: 'Account', keywords: ['log out', 'logout'], perform: () => void session.signOut() },
    ];
    const sources: SearchSource[] = [listSource('actions', 'Pages and actions', () => actions)];
    if (can('catalog:read')) {
      sources.push({
        id: 'products',
        heading: 'Products',
        // The API searches (typo-tolerant names, SKU prefixes, barcodes); nothing to ask for an empty box.
        async search(query, signal) {
          if (!query.trim()) return [];
          const { data } = await api.http.GET('/api/v1/products', { params: { query: { q: query.trim() } }, signal });
          return (data?.items ?? []).map((product) => ({ id: product.id, title: product.name, subtitle: product.sku, href: `/products/${product.id}` }));
        },
      });
    }
    sources.push(
      listSource('stores', 'Stores', () =>
        (me?.stores ?? []).map((store) => ({ id: store.id, title: store.name, subtitle: store.code, perform: () => session.chooseStore(store.id) })),
      ),
    );
    if (can('users:read')) {
      sources.push(
        listSource('users', 'Users', async (signal) => {
          const { data } = await api.http.GET('/api/v1/users', { signal });
          return (data?.items ?? []).map((user) => ({ id: user.id, title: user.name, subtitle: `${user.email} · ${user.role}`, href: '/users' }));
        }),
      );
    }
    return sources;
  }, [session, me, api, setTheme, openShortcuts]);
}
