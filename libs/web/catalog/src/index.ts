export { ProductView } from './lib/product-view';
