import { ApiProperty } from '@nestjs/swagger';
import { TenantDto } from '@kassa/api/tenancy';
import { UserDto } from './user.dto';

class MeStoreDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() code!: string;
}

export class MeDto {
  @ApiProperty({ type: UserDto }) user!: UserDto;
  @ApiProperty() role!: string;
  @ApiProperty({ type: TenantDto }) tenant!: TenantDto;
  @ApiProperty({ type: [MeStoreDto], description: 'The stores this user can work in.' }) stores!: MeStoreDto[];
  @ApiProperty({ type: [String] }) permissions!: string[];
  @ApiProperty({ type: String, format: 'uuid', nullable: true, description: 'The register of the till this session signed in on with a PIN.' })
  registerId!: string | null;
}
