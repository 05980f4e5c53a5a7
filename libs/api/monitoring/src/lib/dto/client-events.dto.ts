import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsIn, IsObject, IsOptional, IsString, MaxLength, ValidateNested } from 'class-validator';

export const CLIENT_SOURCES = ['web', 'pos'] as const;
export const MAX_CLIENT_EVENTS = 50;
/** A batch's body limit: 50 errors with trimmed stacks fit; anything bigger is refused before parsing. */
export const CLIENT_EVENTS_BODY_LIMIT = 64 * 1024;

export class ClientErrorDto {
  @ApiProperty({ enum: CLIENT_SOURCES, description: '`web` (back office) or `pos` (the till).' })
  @IsIn(CLIENT_SOURCES)
  source!: (typeof CLIENT_SOURCES)[number];
  @ApiProperty({ example: 'TypeError', description: "The error's name." }) @IsString() @MaxLength(200) type!: string;
  @ApiProperty() @IsString() @MaxLength(2_000) message!: string;
  @ApiPropertyOptional({ description: 'As the browser reports it (bundled file names and positions).' })
  @IsOptional()
  @IsString()
  @MaxLength(8_000)
  stack?: string;
  @ApiProperty({ example: '/products/[id]', description: 'The page, as a path without ids where possible.' }) @IsString() @MaxLength(300) route!: string;
  @ApiPropertyOptional({ description: "The web app's build." }) @IsOptional() @IsString() @MaxLength(100) appVersion?: string;
}

export class ClientEventsDto {
  @ApiProperty({ type: [ClientErrorDto], description: `Uncaught errors and unhandled rejections, at most ${MAX_CLIENT_EVENTS} per batch.` })
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(MAX_CLIENT_EVENTS)
  // ValidateNested passes an array where an error belongs (it validates the inner array instead): refuse it here.
  @IsObject({ each: true })
  @ValidateNested({ each: true })
  @Type(() => ClientErrorDto)
  errors!: ClientErrorDto[];
}

export class ClientEventsAcceptedDto {
  @ApiProperty({ description: 'Occurrences recorded in their error groups.' }) recorded!: number;
  @ApiProperty({ description: "Left out: the caller's per-minute allowance was used up." }) dropped!: number;
}
