import { DataSource } from 'typeorm';
import { createTenant, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';
import { salesFixtures } from './sales-fixtures';

// Issue 31: a sale's cost is mostly its round trips to PostgreSQL, so their number is held, not timed.
const MOST_STATEMENTS_PER_SALE = 13;

describe('statements per sale', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const { newProduct, receive, newPosRegister, sell } = salesFixtures(() => api);
  let sent: string[] | undefined;

  beforeAll(async () => {
    // Nothing in the background: no relay, no rollup flush, no webhook sweep while a sale is counted.
    api = await startTestApi({ env: { OUTBOX_RELAY: 'false', MONITORING_FLUSH_MS: '3600000', WEBHOOK_SWEEP_MS: '3600000' } });
    shop = await createTenant(api.app, 'Counted');
    // Every statement TypeORM sends, transaction control included, as the metrics' query hook sees them.
    api.app.get(DataSource).subscribers.push({
      afterQuery: (event) => {
        sent?.push(event.query);
      },
    });
  });
  afterAll(() => api.close());

  const settle = () => new Promise((resolve) => setTimeout(resolve, 200));
  /** The statements `work` sends, and the outbox notification it schedules (coalesced for 20 ms after its commit). */
  const counted = async (work: () => Promise<unknown>): Promise<string[]> => {
    await settle();
    sent = [];
    try {
      await work();
      await settle();
      return sent;
    } finally {
      sent = undefined;
    }
  };

  it(`records a 3-line till sale in at most ${MOST_STATEMENTS_PER_SALE} statements, access check included, in one transaction`, async () => {
    const store = shop.stores[0].id;
    const register = await newPosRegister(shop, store);
    const products = await Promise.all([1, 2, 3, 4, 5, 6].map(() => newProduct(shop, { priceMinor: 250 })));
    for (const product of products) await receive(shop, store, product.id, 10);
    const body = (receiptNumber: number, lines: number) => ({
      storeId: store,
      registerId: register,
      receiptNumber,
      lines: products.slice(0, lines).map((product) => ({ productId: product.id, quantity: 1 })),
      tenders: [{ type: 'card', amountMinor: 250 * lines }],
    });
    // The first sale warms what a till's token keeps warm: the signed-in user (actor cache) and the shop's settings.
    expectStatus(await sell(shop.owner.accessToken, body(1, 3)), 201);

    const statements = await counted(async () => expectStatus(await sell(shop.owner.accessToken, body(2, 3)), 201));

    expect(statements.length).toBeLessThanOrEqual(MOST_STATEMENTS_PER_SALE);
    expect(statements.filter((statement) => /^\s*(START TRANSACTION|BEGIN)\b/i.test(statement))).toHaveLength(1);
    // The tenant is set in the round trip that starts the transaction, not in one of its own.
    expect(statements.filter((statement) => statement.includes("set_config('app.tenant_id'"))).toEqual([
      expect.stringMatching(/^START TRANSACTION; SELECT set_config\('app\.tenant_id', '[0-9a-f-]{36}', true\)$/),
    ]);
    // One guarded update moves every line's stock, and the ledger, events and audit rows are one insert each.
    expect(statements.filter((statement) => /^\s*(WITH .*)?UPDATE stock_level/is.test(statement))).toHaveLength(1);
    for (const table of ['stock_ledger', 'outbox_event', 'audit_log', 'sale_line']) {
      expect(statements.filter((statement) => new RegExp(`INSERT INTO ${table}\\b`).test(statement))).toHaveLength(1);
    }
    expect(statements.filter((statement) => /\bFROM sale s\b/.test(statement))).toHaveLength(0);
    // More lines, the same statements.
    expect(await counted(async () => expectStatus(await sell(shop.owner.accessToken, body(3, 6)), 201))).toHaveLength(statements.length);
  });
});
