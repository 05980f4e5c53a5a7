export { AuditModule } from './lib/audit.module';
export { AuditLog, auditActorOf, auditScopeOf } from './lib/audit-log.service';
export type { AuditActor, AuditEntry, AuditScope } from './lib/audit-log.service';
export { fieldChangesSql } from './lib/field-changes';
export type { SqlField } from './lib/field-changes';
