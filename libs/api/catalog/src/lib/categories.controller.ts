import { Body, Controller, Delete, Get, HttpCode, Patch, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiCreatedResponse, ApiNoContentResponse, ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import { Ctx, IdParam, RequestContext, RequirePermissions } from '@kassa/api/http';
import { EarlyCacheHit } from '@kassa/api/cache';
import { categoryTreeKeyOfRequest } from './catalog-cache-keys';
import { CategoriesService } from './categories.service';
import { CategoryDto, CategoryListDto, CategoryQueryDto, CreateCategoryDto, UpdateCategoryDto } from './dto/category.dto';

@ApiTags('catalog')
@ApiBearerAuth()
@Controller('categories')
export class CategoriesController {
  constructor(private readonly categories: CategoriesService) {}

  @Get()
  @ApiOperation({ summary: 'List categories', description: "The catalog's categories as a flat list with their parents." })
  @RequirePermissions('catalog:read')
  @EarlyCacheHit('category-tree', categoryTreeKeyOfRequest)
  @ApiOkResponse({ type: CategoryListDto })
  list(@Ctx() context: RequestContext, @Query() query: CategoryQueryDto): Promise<CategoryListDto> {
    return this.categories.list(context, query);
  }

  @Post()
  @ApiOperation({ summary: 'Create a category', description: 'A category, optionally under a parent.' })
  @RequirePermissions('catalog:manage')
  @ApiCreatedResponse({ type: CategoryDto })
  create(@Ctx() context: RequestContext, @Body() input: CreateCategoryDto): Promise<CategoryDto> {
    return this.categories.create(context, input);
  }

  @Get(':id')
  @ApiOperation({ summary: 'Get a category', description: 'One category.' })
  @RequirePermissions('catalog:read')
  @ApiOkResponse({ type: CategoryDto })
  get(@Ctx() context: RequestContext, @IdParam() id: string): Promise<CategoryDto> {
    return this.categories.get(context, id);
  }

  @Patch(':id')
  @ApiOperation({ summary: 'Update a category', description: 'Renames or moves a category.' })
  @RequirePermissions('catalog:manage')
  @ApiOkResponse({ type: CategoryDto })
  update(@Ctx() context: RequestContext, @IdParam() id: string, @Body() changes: UpdateCategoryDto): Promise<CategoryDto> {
    return this.categories.update(context, id, changes);
  }

  @Delete(':id')
  @ApiOperation({ summary: 'Delete a category', description: 'Only a category without subcategories or products.' })
  @RequirePermissions('catalog:manage')
  @HttpCode(204)
  @ApiNoContentResponse({ description: 'Deleted; 409 category_in_use while it has subcategories or products.' })
  delete(@Ctx() context: RequestContext, @IdParam() id: string): Promise<void> {
    return this.categories.delete(context, id);
  }
}
