import { Controller, Get, Module } from '@nestjs/common';
import { RequirePermissions } from '@kassa/api/http';

/** A route with a bug: the same unexpected error every time, its message carrying credentials the log must not keep. */
@Controller('e2e-probe/monitoring')
class MonitoringProbeController {
  @Get('boom')
  @RequirePermissions('monitoring:read')
  boom(): never {
    throw new TypeError('probe broke for Bearer eyJhbGciOi.eyJzdWIiOi.c2lnbmF0dXJl with password=hunter2');
  }
}

@Module({ controllers: [MonitoringProbeController] })
export class MonitoringProbeModule {}
