import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from '@kassa/api/bootstrap';
import { ConfigError, loadAppConfig } from '@kassa/api/config';
import { seedTenant } from './lib/seed-tenant';

/**
 * `npm run seed -- --tenant demo --products 300 --stores 2 --seed 42`: creates the shop if its
 * slug is free (a second run changes nothing) on DATABASE_URL, or the embedded database when unset.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      tenant: { type: 'string', default: 'demo' },
      products: { type: 'string', default: '300' },
      stores: { type: 'string', default: '2' },
      seed: { type: 'string', default: '42' },
    },
  });
  const numbers = { products: Number(values.products), stores: Number(values.stores), seed: Number(values.seed) };
  for (const [name, value] of Object.entries(numbers)) {
    if (!Number.isInteger(value) || value < 0) throw new ConfigError([`--${name}: expected a whole number, got ${JSON.stringify(value)}`]);
  }
  const config = loadAppConfig({ ...process.env, OUTBOX_RELAY: 'false', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const started = Date.now();
    const result = await seedTenant(app, { slug: values.tenant as string, ...numbers });
    const { login } = result;
    console.log(
      result.created
        ? `Seeded shop "${login.tenant}": ${result.productCount} products, ${numbers.stores} stores in ${Date.now() - started} ms.`
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
