export { demoLogin, seedTenant } from './lib/seed-tenant';
export type { DemoLogin, SeedOptions, SeedResult } from './lib/seed-tenant';
export { generateProducts } from './lib/catalog-generator';
export { generateCustomers } from './lib/customer-generator';
export { generateSalesHistory } from './lib/sales-history-generator';
export type { SalesHistory, SalesHistoryOptions } from './lib/sales-history-generator';
