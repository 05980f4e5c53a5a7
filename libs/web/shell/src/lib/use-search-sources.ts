'use client';
import { useTheme } from 'next-themes';
import { useMemo } from 'react';
import { useSession } from '@kassa/web/auth';
import { listSource, type SearchResult, type SearchSource } from '@kassa/web/search';
import { visibleNavItems } from './nav-items';

/** What global search covers: pages and actions, products, sales (by receipt number or customer), customers, users, stores. */
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
    if (can('sales:read')) {
      sources.push({
        id: 'sales',
        heading: 'Sales',
        // The API's `q`: a receipt number, or part of the customer's name.
        async search(query, signal) {
          if (!query.trim()) return [];
          const { data } = await api.http.GET('/api/v1/sales', { params: { query: { q: query.trim(), limit: 5 } }, signal });
          return (data?.items ?? []).map((sale) => ({
            id: sale.id,
            title: `Receipt #${sale.receiptNumber}`,
            subtitle: [sale.status === 'voided' ? 'Voided' : undefined, sale.customerName ?? undefined].filter(Boolean).join(' · ') || 'Sale',
            href: `/sales/${sale.id}`,
          }));
        },
      });
    }
    if (can('customers:read')) {
      sources.push({
        id: 'customers',
        heading: 'Customers',
        async search(query, signal) {
          if (!query.trim()) return [];
          const { data } = await api.http.GET('/api/v1/customers', { params: { query: { q: query.trim(), limit: 5 } }, signal });
          return (data?.items ?? []).map((customer) => ({
            id: customer.id,
            title: customer.name,
            subtitle: customer.email ?? customer.phone ?? 'Customer',
            href: `/customers/${customer.id}`,
          }));
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
