export { demoLogin, seedTenant } from './lib/seed-tenant';
export type { DemoLogin, SeedOptions, SeedResult } from './lib/seed-tenant';
export { generateProducts } from './lib/catalog-generator';
