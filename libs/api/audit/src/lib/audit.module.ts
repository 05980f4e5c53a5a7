import { Global, Module } from '@nestjs/common';
import { AuditLogsController } from './audit-logs.controller';
import { AuditLog } from './audit-log.service';
import { AuditLogsService } from './audit-logs.service';

@Global()
@Module({
  controllers: [AuditLogsController],
  providers: [AuditLog, AuditLogsService],
  exports: [AuditLog],
})
export class AuditModule {}
