import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from '@kassa/api/bootstrap';
import { ConfigError, loadAppConfig } from '@kassa/api/config';
import { seedTenant } from './lib/seed-tenant';

/**
 * `npm run seed -- --tenant demo --products 300 --stores 2 --customers 200 --days 30 --sales-per-day 40 --seed 42`:
 * creates the shop if its slug is free (a second run changes nothing) on DATABASE_URL, or the
 * embedded database when unset. The sales history ends yesterday; it moves no stock and sends no events.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', default: 'demo' },
      products: { type: 'string', default: '300' },
      stores: { type: 'string', default: '2' },
      customers: { type: 'string', default: '200' },
      days: { type: 'string', default: '30' },
      'sales-per-day': { type: 'string', default: '40' },
      seed: { type: 'string', default: '42' },
    },
  });
  const numbers = {
    products: Number(values.products),
    stores: Number(values.stores),
    customers: Number(values.customers),
    days: Number(values.days),
    'sales-per-day': Number(values['sales-per-day']),
    seed: Number(values.seed),
  };
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < 0) throw new ConfigError([`--${name}: expected a whole number, got ${JSON.stringify(value)}`]);
  }
  const { 'sales-per-day': salesPerDay, ...counts } = numbers;
  const config = loadAppConfig({ ...process.env, OUTBOX_RELAY: 'false', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const started = Date.now();
    const result = await seedTenant(app, { slug: values.tenant as string, ...counts, salesPerDay });
    const { login } = result;
    const count = (value: number) => value.toLocaleString('en-US');
    console.log(
      result.created
        ? `Seeded shop "${login.tenant}": ${count(result.productCount)} products, ${numbers.stores} stores, ${count(result.customerCount)} customers, ` +
            `${count(result.saleCount)} sales (${count(result.saleLineCount)} lines) over ${result.days} days ` +
            `(history only: no stock movements or events) in ${Date.now() - started} ms.`
        : `Shop "${login.tenant}" already exists; nothing seeded.`,
    );
    console.log(`Demo login: shop ${login.tenant}, email ${login.email}, password ${login.password}`);
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
