import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsInt, IsOptional, IsString, Max, MaxLength, Min, MinLength, ValidateIf } from 'class-validator';
import { IsTimestamp } from '@kassa/api/http';
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

/** The device's last sync report as the back office shows it. */
export class DeviceSyncDto {
  @ApiProperty({ format: 'date-time' }) reportedAt!: string;
  @ApiProperty() pending!: number;
  @ApiProperty() refused!: number;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) oldestPendingAt!: string | null;
  @ApiProperty({ type: String, nullable: true }) lastError!: string | null;
  @ApiProperty() storagePersisted!: boolean;
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
  @ApiProperty({ type: DeviceSyncDto, nullable: true, description: 'Its last heartbeat (`POST /devices/current/heartbeat`); null before the first.' })
  sync!: DeviceSyncDto | null;
}

/** A till's sync report: sent on every attempt to empty its offline queue (issue 21). */
export class DeviceHeartbeatDto {
  @ApiProperty({ description: 'Sales, refunds and customers waiting in the queue.', minimum: 0 })
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  pending!: number;

  @ApiProperty({ type: String, format: 'date-time', nullable: true, description: 'When the oldest waiting entry was made; null when none waits.' })
  @ValidateIf((_, value) => value !== null)
  @IsTimestamp()
  oldestPendingAt!: string | null;

  @ApiPropertyOptional({ description: 'Entries the API refused, kept on the device with their reason.', minimum: 0 })
  @IsOptional()
  @IsInt()
  @Min(0)
  @Max(1_000_000)
  refused?: number;

  @ApiProperty({ type: String, nullable: true, description: 'The last error the sync met (network, 5xx, a refusal).' })
  @ValidateIf((_, value) => value !== null)
  @IsString()
  @MaxLength(500)
  lastError!: string | null;

  @ApiProperty({ example: '2026.11.30' })
  @IsString()
  @MaxLength(50)
  appVersion!: string;

  @ApiProperty({ description: 'Whether the browser granted persistent storage (`navigator.storage.persist()`).' })
  @IsBoolean()
  storagePersisted!: boolean;
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
