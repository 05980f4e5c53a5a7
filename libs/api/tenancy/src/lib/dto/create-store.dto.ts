import { ApiProperty } from '@nestjs/swagger';
import { IsString, Matches, MaxLength, MinLength } from 'class-validator';

export class CreateStoreDto {
  @ApiProperty()
  @IsString()
  @MinLength(1)
  @MaxLength(200)
  name!: string;

  @Matches(/^[A-Za-z0-9][A-Za-z0-9_-]{0,31}$/, {
    message: 'code must be 1-32 letters, digits, - or _, starting with a letter or digit',
  })
  @ApiProperty()
  code!: string;
}
