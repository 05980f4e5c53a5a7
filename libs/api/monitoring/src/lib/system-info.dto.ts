import { ApiProperty } from '@nestjs/swagger';
import type { RuntimeMode, SystemInfo } from '@kassa/contracts';

class RuntimeModeDto implements RuntimeMode {
  @ApiProperty({ enum: ['postgres', 'embedded'] })
  database!: 'postgres' | 'embedded';

  @ApiProperty({ enum: ['redis', 'in-process'] })
  redis!: 'redis' | 'in-process';
}

export class SystemInfoDto implements SystemInfo {
  @ApiProperty({ format: 'uuid' })
  installationId!: string;

  @ApiProperty({ format: 'date-time' })
  installedAt!: string;

  @ApiProperty({ type: RuntimeModeDto })
  runtime!: RuntimeModeDto;
}
