export { ToastProvider, useToasts } from './lib/toast-provider';
export type { Toast, ToastAction } from './lib/toast-provider';
export { ConnectionIndicator } from './lib/connection-indicator';
export type { ConnectionState } from './lib/connection-indicator';
