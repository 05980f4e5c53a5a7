export { DashboardView } from './lib/dashboard-view';
