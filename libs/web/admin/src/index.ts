export { SettingsView } from './lib/settings-view';
export { UsersView } from './lib/users-view';
export { AuditTrail } from './lib/audit-entries';
