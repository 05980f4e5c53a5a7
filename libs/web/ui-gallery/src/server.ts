export { uiGalleryEnabled } from './server/gallery-enabled';
export { demoRowsPage } from './lib/demo-rows';
