export { CategoriesView } from './lib/categories-view';
export { ProductView } from './lib/product-view';
export { ProductsView } from './lib/products-view';
