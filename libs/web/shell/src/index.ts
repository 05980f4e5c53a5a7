export { AppProviders } from './lib/app-providers';
export { AppShell } from './lib/app-shell';
