import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsIn, IsObject } from 'class-validator';
import { IMPORT_FIELDS, ImportKind } from '@kassa/spreadsheet-core';

export const IMPORT_KINDS = Object.keys(IMPORT_FIELDS) as ImportKind[];

export class ImportMappingParamsDto {
  @ApiProperty({ enum: IMPORT_KINDS, description: 'products (POST /products/import) or counts (POST /inventory/counts/import).' })
  @IsIn(IMPORT_KINDS)
  kind!: ImportKind;
}

const MAPPING_SCHEMA = {
  type: 'object',
  additionalProperties: { type: 'string', nullable: true },
  example: { Code: 'sku', Bezeichnung: 'name', Notiz: null },
} as const;

export class PutImportMappingDto {
  @ApiProperty({ ...MAPPING_SCHEMA, description: 'Column in the file → field of the import, or null to ignore the column. Replaces the stored one.' })
  @IsObject()
  mapping!: Record<string, string | null>;
}

export class ImportMappingDto {
  @ApiProperty({ enum: IMPORT_KINDS }) kind!: ImportKind;
  @ApiProperty({
    ...MAPPING_SCHEMA,
    description: 'Applied to every file imported for this kind, for the columns the file has; a mapping posted with the file overrides it.',
  })
  mapping!: Record<string, string | null>;
  @ApiPropertyOptional({ type: String, format: 'date-time', nullable: true, description: 'null until the shop confirms a mapping.' })
  updatedAt!: string | null;
}
