export { CatalogModule } from './lib/catalog.module';
export { ProductsService } from './lib/products.service';
export { CategoriesService } from './lib/categories.service';
