import { ApiProperty } from '@nestjs/swagger';
import { ArrayMaxSize, ArrayUnique, IsArray, IsUUID } from 'class-validator';

/** As many tiles as a till's first screen holds. */
export const MAX_FAVOURITES = 48;

export class RegisterFavouritesDto {
  @ApiProperty({ format: 'uuid' }) registerId!: string;
  @ApiProperty({
    type: [String],
    format: 'uuid',
    description: 'The products the till shows first, in this order (deleted products left out).',
  })
  productIds!: string[];
}

export class ReplaceRegisterFavouritesDto {
  @ApiProperty({ type: [String], format: 'uuid', maxItems: MAX_FAVOURITES, description: 'The whole list, in order; `[]` clears it.' })
  @IsArray()
  @ArrayMaxSize(MAX_FAVOURITES)
  @ArrayUnique()
  @IsUUID('all', { each: true })
  productIds!: string[];
}
