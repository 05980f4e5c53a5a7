export { CatalogModule } from './lib/catalog.module';
export { ProductsService } from './lib/products.service';
export type { ProductCodeMatch, ProductForSale } from './lib/products.service';
export { productNotFound } from './lib/catalog.exception';
export { CategoriesService } from './lib/categories.service';
export { productByBarcodeQuery, productSearchQuery } from './lib/product-queries';
export type { ProductFilters, ProductQuery } from './lib/product-queries';
