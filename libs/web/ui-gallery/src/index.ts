export { UiGallery } from './lib/ui-gallery';
