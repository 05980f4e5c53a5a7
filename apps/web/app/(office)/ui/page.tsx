import type { Metadata } from 'next';
import { notFound } from 'next/navigation';
import { connection } from 'next/server';
import { UiGallery } from '@kassa/web/ui-gallery';
import { uiGalleryEnabled } from '@kassa/web/ui-gallery/server';

export const metadata: Metadata = { title: 'UI', robots: { index: false } };

/** The component gallery: development and browser-test servers only (KASSA_UI_GALLERY=on), never linked. */
export default async function UiPage() {
  await connection();
  if (!uiGalleryEnabled()) notFound();
  return <UiGallery />;
}
