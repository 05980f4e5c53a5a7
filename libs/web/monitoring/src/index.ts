export { ClientErrorReporting } from './lib/client-error-reporting';
export { MonitoringView } from './lib/monitoring-view';
export { ClientErrorReporter, describeError, routeTemplate } from './lib/client-error-reporter';
export type { ClientError, ClientErrorReporterOptions, ClientEventBatch, ClientSource, ClientVital, WebVitalName } from './lib/client-error-reporter';
export { observeWebVitals } from './lib/web-vitals';
