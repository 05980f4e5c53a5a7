import { ApiProperty } from '@nestjs/swagger';
import { IsString, MaxLength, MinLength } from 'class-validator';
import { ROLES, Role } from '@kassa/contracts';
import { TenantDto } from '@kassa/api/tenancy';

export class PairDeviceDto {
  @ApiProperty({ example: 'Counter tablet' }) @IsString() @MinLength(1) @MaxLength(100) name!: string;
}

export class PairedDeviceDto {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty({ description: 'The device token (`kdv_…`), sent as `Authorization: Device <token>`: shown only in this response.' })
  deviceToken!: string;
}

export class DeviceDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty({ format: 'uuid' }) registerId!: string;
  @ApiProperty({ format: 'uuid' }) storeId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ format: 'uuid' }) pairedBy!: string;
  @ApiProperty({ format: 'date-time' }) pairedAt!: string;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) lastSeenAt!: string | null;
  @ApiProperty({ type: String, nullable: true, description: 'The `X-App-Version` the device last sent.' }) appVersion!: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) revokedAt!: string | null;
}

export class DeviceListDto {
  @ApiProperty({ type: [DeviceDto] }) items!: DeviceDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}

class DeviceRegisterDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ description: 'A reinstalled tablet resumes numbering after this.' }) lastReceiptNumber!: number;
}

class DeviceStoreDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty() code!: string;
}

/** What the till needs before anyone signs in on it. */
export class CurrentDeviceDto {
  @ApiProperty({ format: 'uuid' }) deviceId!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ type: DeviceRegisterDto }) register!: DeviceRegisterDto;
  @ApiProperty({ type: DeviceStoreDto }) store!: DeviceStoreDto;
  @ApiProperty({ type: TenantDto, description: 'The shop and the settings the till needs.' }) tenant!: TenantDto;
}

export class DeviceStaffDto {
  @ApiProperty({ format: 'uuid' }) id!: string;
  @ApiProperty() name!: string;
  @ApiProperty({ enum: ROLES }) role!: Role;
  @ApiProperty({ description: 'Whether the user can sign in on the till with a PIN.' }) pinSet!: boolean;
}

export class DeviceStaffListDto {
  @ApiProperty({ type: [DeviceStaffDto] }) items!: DeviceStaffDto[];
  @ApiProperty({ type: String, nullable: true }) nextCursor!: string | null;
}
