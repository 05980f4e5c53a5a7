import type { MetadataRoute } from 'next';
import { THEME_COLORS } from '@kassa/web/theme';

export default function manifest(): MetadataRoute.Manifest {
  return {
    id: '/',
    name: 'Kassa',
    short_name: 'Kassa',
    description: 'Point of sale and back office for independent shops.',
    start_url: '/dashboard',
    scope: '/',
    display: 'standalone',
    orientation: 'any',
    background_color: THEME_COLORS.light.bg,
    theme_color: THEME_COLORS.light.accent,
    icons: [
      { src: '/icons/icon-192.png', sizes: '192x192', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-512.png', sizes: '512x512', type: 'image/png', purpose: 'any' },
      { src: '/icons/icon-maskable-512.png', sizes: '512x512', type: 'image/png', purpose: 'maskable' },
    ],
    shortcuts: [
      { name: 'POS', url: '/pos', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
      { name: 'New sale', short_name: 'Sale', url: '/pos?new=1', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
      { name: 'Products', url: '/products', icons: [{ src: '/icons/icon-192.png', sizes: '192x192' }] },
    ],
  };
}
