import { Global, Module } from '@nestjs/common';
import { AuditLogsController } from './audit-logs.controller';
import { AuditLog } from './audit-log.service';

@Global()
@Module({
  controllers: [AuditLogsController],
  providers: [AuditLog],
  exports: [AuditLog],
})
export class AuditModule {}
