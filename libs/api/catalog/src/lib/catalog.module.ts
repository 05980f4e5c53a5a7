import { Module } from '@nestjs/common';
import { TenancyModule } from '@kassa/api/tenancy';
import { CategoriesController } from './categories.controller';
import { CategoriesService } from './categories.service';
import { ProductImportService } from './product-import.service';
import { ProductsController } from './products.controller';
import { ProductsService } from './products.service';
import { RegisterFavouritesController } from './register-favourites.controller';
import { RegisterFavouritesService } from './register-favourites.service';

@Module({
  imports: [TenancyModule],
  controllers: [CategoriesController, ProductsController, RegisterFavouritesController],
  providers: [CategoriesService, ProductsService, ProductImportService, RegisterFavouritesService],
  exports: [ProductsService, CategoriesService],
})
export class CatalogModule {}
