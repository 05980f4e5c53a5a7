/** The domain libs that own tables: each is `libs/api/<domain>`. */
export type TableOwner =
  | 'tenancy'
  | 'auth'
  | 'catalog'
  | 'inventory'
  | 'customers'
  | 'sales'
  | 'events'
  | 'audit'
  | 'idempotency'
  | 'webhooks'
  | 'mail'
  | 'monitoring'
  | 'analytics'
  | 'purchasing'
  | 'realtime';

/**
 * Which domain lib owns each table (DESIGN.md §2): only the owner's SQL names it; every other lib
 * reaches it through the owner's exported service. Every table the migrations create is here
 * (table-ownership.spec.ts reads the migrations, and scans each lib's SQL against this map).
 */
export const TABLE_OWNERS: Readonly<Record<string, TableOwner>> = {
  tenant: 'tenancy',
  // Written when a tenant is created; login reads it through TenantsService, not on its own.
  tenant_directory: 'tenancy',
  store: 'tenancy',
  register: 'tenancy',
  // The column mappings a shop confirmed for its imports: a shop setting, read by the catalog and inventory imports.
  import_mapping: 'tenancy',

  app_user: 'auth',
  // Which stores a user is limited to is part of the user (the actor the auth guard builds).
  user_store: 'auth',
  api_key: 'auth',
  refresh_token: 'auth',
  password_token: 'auth',
  // Paired tills: their tokens are credentials the auth guard checks (decision 0013).
  device: 'auth',

  category: 'catalog',
  category_deletion: 'catalog',
  product: 'catalog',
  product_barcode: 'catalog',
  // Which products a till shows first: catalog rows arranged per register (issue 20).
  register_favourite: 'catalog',

  stock_level: 'inventory',
  stock_ledger: 'inventory',

  customer: 'customers',

  sale: 'sales',
  sale_line: 'sales',
  sale_tender: 'sales',
  sale_refund: 'sales',
  sale_refund_line: 'sales',
  sale_refund_tender: 'sales',
  // Cash shifts (issue 22): in sales, as a shift's report reads sales and a sale stamps its shift (a lib of its own would form a cycle).
  shift: 'sales',
  shift_cash_movement: 'sales',
  shift_counter: 'sales',
  shift_settings: 'sales',

  outbox_event: 'events',
  tenant_event_sequence: 'events',
  processed_event: 'events',
  dead_letter: 'events',

  audit_log: 'audit',

  idempotency_key: 'idempotency',

  webhook_endpoint: 'webhooks',
  webhook_delivery: 'webhooks',
  webhook_attempt: 'webhooks',

  mail_message: 'mail',

  installation: 'monitoring',

  analytics_daily_product: 'analytics',
  analytics_hourly_store: 'analytics',
  analytics_basket_pair: 'analytics',
  analytics_customer_day: 'analytics',
  analytics_monthly_product: 'analytics',
  analytics_customer_total: 'analytics',
  analytics_product_key: 'analytics',
  analytics_basket_pack: 'analytics',
  request_rollup: 'monitoring',
  client_vital_rollup: 'monitoring',
  error_log: 'monitoring',
  // The shop's purchasing settings and its purchase order counter.
  purchasing_settings: 'purchasing',
  supplier: 'purchasing',
  supplier_product: 'purchasing',
  purchase_order: 'purchasing',
  purchase_order_line: 'purchasing',
  purchase_order_receipt: 'purchasing',
  purchase_order_receipt_line: 'purchasing',
  notification: 'realtime',
};
