import { ApiProperty } from '@nestjs/swagger';
import { ArrayMinSize, ArrayUnique, IsIn, IsString, MaxLength, MinLength } from 'class-validator';
import { ApiKeyView, Permission, PERMISSIONS } from '@kassa/contracts';

export class CreateApiKeyDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @ApiProperty({ enum: PERMISSIONS, isArray: true })
  @IsIn(PERMISSIONS, { each: true })
  @ArrayMinSize(1)
  @ArrayUnique()
  permissions!: Permission[];
}

export class ApiKeyDto implements ApiKeyView {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: PERMISSIONS, isArray: true }) permissions!: Permission[];
  @ApiProperty({ format: 'date-time' }) createdAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastUsedAt!: string | null;
}

export class CreatedApiKeyDto extends ApiKeyDto {
  @ApiProperty({ description: 'The key itself (`kas_…`): shown only in this response.' }) key!: string;
}

export class ApiKeyListDto {
  @ApiProperty({ type: [ApiKeyDto] }) items!: ApiKeyDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
