export { AppShell } from './lib/app-shell';
export { BackOfficeProviders } from './lib/back-office-providers';
