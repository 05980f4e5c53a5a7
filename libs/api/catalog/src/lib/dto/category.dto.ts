import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, IsUUID, MaxLength, MinLength, ValidateIf } from 'class-validator';
import { IsTimestamp, QueryBoolean } from '@kassa/api/http';
import type { CategoryView } from '@kassa/contracts';

export class CategoryDto implements CategoryView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: String, format: 'uuid', nullable: true }) parentId!: string | null;
  @ApiProperty() version!: number;
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
}

export class DeletedCategoryDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'date-time' }) deletedAt!: string;
}

export class CategoryListDto {
  @ApiProperty({
    type: [CategoryDto],
    description: 'The whole tree, flat: parents before their children. With `updatedSince`: the categories changed since then, by `updatedAt`, id.',
  })
  items!: CategoryDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
  @ApiPropertyOptional({ format: 'date-time', description: 'With `updatedSince`: pass this as the next `updatedSince` (see products).' })
  syncedTo?: string;
  @ApiPropertyOptional({ type: [DeletedCategoryDto], description: 'With `updatedSince` and `includeDeleted=true`: categories deleted since then.' })
  deleted?: DeletedCategoryDto[];
}

export class CategoryQueryDto {
  @ApiPropertyOptional({ format: 'date-time', description: "The till's delta: categories changed at or after this time (a previous `syncedTo`)." })
  @IsOptional()
  @IsTimestamp()
  updatedSince?: string;

  @ApiPropertyOptional({ description: 'With `updatedSince`: report deleted categories too, under `deleted`.' })
  @IsOptional()
  @QueryBoolean()
  @IsBoolean()
  includeDeleted?: boolean;
}

export class CreateCategoryDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;
  @ApiProperty({ required: false, format: 'uuid' }) @IsOptional() @IsUUID() parentId?: string;
}

export class UpdateCategoryDto {
  @ApiPropertyOptional()
  @IsOptional()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name?: string;

  @ApiProperty({ required: false, type: String, format: 'uuid', nullable: true, description: 'null moves it to the top.' })
  @ValidateIf((_, value) => value !== null)
  @IsOptional()
  @IsUUID()
  parentId?: string | null;
}
