import request from 'supertest';
import { uuidv7 } from '@kassa/contracts';
import { eventually, mimePart, SmtpSink, startSmtpSink } from '@kassa/testing';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('ordering a purchase order emails it to the supplier', () => {
  let api: TestApi;
  let smtp: SmtpSink;
  let a: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const post = (path: string, body: object = {}) => http().post(path).set(bearer(a.owner.accessToken)).send(body);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startTestApi({ env: { SMTP_URL: smtp.url, OUTBOX_POLL_MS: '200' } });
    ({ a } = await createTenantPair(api.app));
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  async function orderedFrom(supplier: object): Promise<{ number: string; totalMinor: number }> {
    const supplierId = expectStatus(await post('/api/v1/suppliers', { name: `Supplier ${uuidv7().slice(-6)}`, ...supplier }), 201).body.id;
    const sku = `PO-MAIL-${uuidv7().slice(-8)}`;
    const productId = expectStatus(await post('/api/v1/products', { sku, name: 'Darjeeling 250 g', priceMinor: 990 }), 201).body.id;
    const order = expectStatus(
      await post('/api/v1/purchase-orders', { supplierId, storeId: a.stores[0].id, lines: [{ productId, quantity: 12, unitCostMinor: 415 }] }),
      201,
    ).body;
    for (const action of ['submit', 'approve', 'order']) expectStatus(await post(`/api/v1/purchase-orders/${order.id}/${action}`), 200);
    return order;
  }

  it('sends the order with its lines and total to the supplier address, as HTML and as text', async () => {
    const order = await orderedFrom({ email: 'orders@tea-supplier.test' });
    const mail = await eventually(
      async () => smtp.received.find((received) => received.to.includes('orders@tea-supplier.test')),
      (found) => found !== undefined,
    );
    const text = mimePart(mail?.raw ?? '', 'text/plain');
    expect(text).toContain(`Purchase order ${order.number}`);
    expect(text).toContain('12 × ');
    expect(text).toContain(`Total EUR 49.80`);
    expect(mimePart(mail?.raw ?? '', 'text/html')).toContain(order.number);
  });

  it('orders without a mail when the supplier has no address', async () => {
    const before = smtp.offered;
    await orderedFrom({});
    // The first test's mail shows the consumer is running; this order queues nothing for it.
    const queued = await http().get('/api/v1/events?limit=200').set(bearer(a.owner.accessToken));
    const mails = (queued.body.items as { type: string; data: { purpose: string } }[]).filter(
      (event) => event.type === 'mail.queued' && event.data.purpose === 'purchase_order',
    );
    expect(mails).toHaveLength(1);
    expect(smtp.offered).toBe(before);
  });
});
