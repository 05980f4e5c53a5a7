import type { AppConfig } from '@kassa/api/config';

export const WEBHOOK_SETTINGS = Symbol('WEBHOOK_SETTINGS');

export type WebhookSettings = AppConfig['webhooks'];
