import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import { parseArgs } from 'node:util';
import { AppModule } from '@kassa/api/bootstrap';
import { ConfigError, loadAppConfig } from '@kassa/api/config';
import { rebuildAnalytics, tenantIdOf } from './lib/rebuild-analytics';

/**
 * `npm run analytics:rebuild -- --tenant <id|slug>`: drops the shop's analytics rollups and recomputes
 * them from its sales (after a bulk load, a change of time zone, or to check the consumer's work).
 */
async function main(): Promise<void> {
  const { values } = parseArgs({ options: { tenant: { type: 'string' } } });
  if (!values.tenant) throw new ConfigError(['--tenant: the shop to rebuild, by id or slug']);
  const config = loadAppConfig({ ...process.env, OUTBOX_RELAY: 'false', LOG_LEVEL: process.env['LOG_LEVEL'] ?? 'warn' });
  const app = await NestFactory.createApplicationContext(AppModule.forRoot(config), { logger: ['error', 'warn'] });
  try {
    const tenantId = await tenantIdOf(app, values.tenant);
    if (!tenantId) throw new ConfigError([`--tenant: no shop with the id or slug ${JSON.stringify(values.tenant)}`]);
    const started = Date.now();
    const result = await rebuildAnalytics(app, tenantId);
    console.log(
      result.firstDay
        ? `Rebuilt analytics of ${values.tenant} (${result.timeZone}, ${result.firstDay} to ${result.lastDay}): ${result.productDays} product-days, ` +
            `${result.storeHours} store-hours, ${result.basketPairs} basket pairs, ${result.customerDays} customer-days in ${Date.now() - started} ms.`
        : `${values.tenant} has no sales: its analytics are empty.`,
    );
  } finally {
    await app.close();
  }
}

main().catch((error: unknown) => {
  console.error(error instanceof ConfigError ? error.message : error);
  process.exit(1);
});
