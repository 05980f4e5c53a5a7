export { DevicesView } from './lib/devices-view';
export { SettingsView } from './lib/settings-view';
export { UsersView } from './lib/users-view';
