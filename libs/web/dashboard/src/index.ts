export { DashboardView } from './lib/dashboard-view';
export type { DashboardViewProps } from './lib/dashboard-view';
