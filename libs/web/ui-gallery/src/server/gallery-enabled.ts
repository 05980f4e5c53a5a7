import 'server-only';

/**
 * The /ui gallery is for building screens, not for shops: on in development (`next dev`) and when the
 * server is started with KASSA_UI_GALLERY=on (the browser tests do); otherwise /ui answers 404.
 * Read at request time, so the production image is the same build either way.
 */
export function uiGalleryEnabled(): boolean {
  return process.env['NODE_ENV'] === 'development' || process.env['KASSA_UI_GALLERY'] === 'on';
}
