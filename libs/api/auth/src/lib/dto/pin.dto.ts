import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUUID, Matches, MaxLength, MinLength } from 'class-validator';
import { PIN_PATTERN } from '../pins';

export class SetPinDto {
  @ApiProperty({ description: '4 to 8 digits; not one digit repeated, not a run such as 1234.', example: '2580' })
  @IsString()
  @Matches(PIN_PATTERN, { message: 'pin must be 4 to 8 digits' })
  pin!: string;

  @ApiProperty({ description: "The user's password, to prove it is them." })
  @IsString()
  @MinLength(1)
  @MaxLength(256)
  currentPassword!: string;
}

export class PinSignInDto {
  @ApiProperty({ format: 'uuid', description: 'One of the users `GET /devices/current/staff` lists.' })
  @IsUUID()
  userId!: string;

  @ApiProperty({ example: '2580' })
  @IsString()
  @Matches(PIN_PATTERN, { message: 'pin must be 4 to 8 digits' })
  pin!: string;
}
