export { AppProviders } from './lib/app-providers';
export { AppShell } from './lib/app-shell';
export { DashboardView } from './lib/dashboard-view';
export { PlaceholderView } from './lib/placeholder-view';
export { ProductView } from './lib/product-view';
export { SettingsView } from './lib/settings-view';
export { UsersView } from './lib/users-view';
