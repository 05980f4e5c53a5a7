'use client';
import { useSession } from '@kassa/web/auth';
import { AreaNav } from '@kassa/web/ui';

const LINKS = [
  { href: '/settings', label: 'Shop', permission: 'tenant:read' },
  { href: '/settings/stores', label: 'Stores and registers', permission: 'stores:manage' },
  { href: '/settings/api-keys', label: 'API keys', permission: 'api_keys:manage' },
  { href: '/settings/webhooks', label: 'Webhooks', permission: 'webhooks:manage' },
  { href: '/settings/audit', label: 'Audit log', permission: 'audit:read' },
  { href: '/settings/events', label: 'Events', permission: 'events:read' },
  { href: '/settings/dead-letters', label: 'Failed deliveries', permission: 'dead_letters:manage' },
  { href: '/settings/developers', label: 'Developers', permission: ['api_keys:manage', 'webhooks:manage'] },
];

/** The administration area's own links, under the page header; each shown to those who may use it. */
export function SettingsNav() {
  const { can } = useSession();
  return <AreaNav label="Settings" links={LINKS.filter((link) => (typeof link.permission === 'string' ? can(link.permission) : link.permission.some(can)))} />;
}
