import { Controller, Get, Inject } from '@nestjs/common';
import { ApiOkResponse, ApiOperation, ApiTags } from '@nestjs/swagger';
import type { RuntimeMode } from '@kassa/contracts';
import { Public } from '@kassa/api/http';
import { InstallationService } from './installation.service';
import { SystemInfoDto } from './system-info.dto';

export const RUNTIME_MODE = Symbol('RUNTIME_MODE');

@ApiTags('system')
@Public()
@Controller('system')
export class SystemController {
  constructor(
    private readonly installation: InstallationService,
    @Inject(RUNTIME_MODE) private readonly runtime: RuntimeMode,
  ) {}

  @Get()
  @ApiOperation({
    operationId: 'getSystemInfo',
    summary: 'Describe this installation',
    description: "The installation's id, when it was set up and which backing services (PostgreSQL, Redis, or embedded) it runs on.",
  })
  @ApiOkResponse({ type: SystemInfoDto })
  info(): SystemInfoDto {
    const { id, createdAt } = this.installation.current();
    return { installationId: id, installedAt: createdAt.toISOString(), runtime: this.runtime };
  }
}
