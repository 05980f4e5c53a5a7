import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { eventually, mimePart, SmtpSink, startSmtpSink } from '@kassa/testing';
import { salesFixtures } from '../sales/sales-fixtures';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('emailed receipts over SMTP', () => {
  let api: TestApi;
  let smtp: SmtpSink;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const { newProduct, receive, sell } = salesFixtures(() => api);

  beforeAll(async () => {
    smtp = await startSmtpSink();
    api = await startTestApi({ env: { SMTP_URL: smtp.url, MAIL_FROM: 'Kassa Receipts <receipts@kassa.test>', OUTBOX_RETRY_BACKOFF_MS: '200' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(async () => {
    await api.close();
    await smtp.close();
  });

  /** A paid sale of `quantity` × 12.34 in the shop's first store, rung up by its cashier. */
  const newSale = async (shop: TenantFixture, quantity = 3): Promise<{ id: string; totalMinor: number; receiptNumber: number }> => {
    const product = await newProduct(shop, { priceMinor: 1234 });
    await receive(shop, shop.stores[0].id, product.id, quantity);
    return expectStatus(
      await sell(shop.cashier.accessToken, {
        storeId: shop.stores[0].id,
        lines: [{ productId: product.id, quantity }],
        tenders: [{ type: 'cash', amountMinor: 1234 * quantity }],
      }),
      201,
    ).body;
  };
  const emailReceipt = (token: string, saleId: string, to: unknown) => http().post(`/api/v1/sales/${saleId}/receipt/email`).set(bearer(token)).send({ to });
  const mailsTo = (address: string) =>
    eventually(
      async () => smtp.received.filter((mail) => mail.to.includes(address)),
      (mails) => mails.length > 0,
    );

  it("lets the cashier email the sale's HTML receipt with a text alternative, and it arrives with the sale's total", async () => {
    const sale = await newSale(a);
    const requestedAt = Date.now();
    const response = expectStatus(await emailReceipt(a.cashier.accessToken, sale.id, 'buyer-1@example.com'), 202);
    expect(response.body).toEqual({ queued: true });

    const [mail] = await mailsTo('buyer-1@example.com');
    console.info(`receipt mail arrived ${mail.receivedAt - requestedAt} ms after the request was answered`);
    expect(mail.raw).toMatch(/^From: Kassa Receipts <receipts@kassa\.test>$/m);
    expect(mail.raw).toMatch(new RegExp(`^Subject: Your receipt from Alpha \\(${sale.receiptNumber}\\)$`, 'm'));
    expect(sale.totalMinor).toBe(3702);
    expect(mimePart(mail.raw, 'text/plain')).toMatch(/^TOTAL +EUR 37\.02$/m);
    expect(mimePart(mail.raw, 'text/html')).toMatch(/37\.02/);
    const printed = expectStatus(await http().get(`/api/v1/sales/${sale.id}/receipt`).set(bearer(a.cashier.accessToken)), 200).text;
    expect(mimePart(mail.raw, 'text/plain').trim()).toBe(printed.trim());

    const audit = expectStatus(await http().get(`/api/v1/audit-logs?action=send&entityType=sale&entityId=${sale.id}`).set(bearer(a.owner.accessToken)), 200)
      .body.items;
    expect(audit).toEqual([expect.objectContaining({ actorId: a.cashier.id, metadata: expect.objectContaining({ to: 'buyer-1@example.com' }) })]);
  });

  it('retries a mail the SMTP server refused, until it is accepted', async () => {
    const sale = await newSale(a, 1);
    const offeredBefore = smtp.offered;
    smtp.refuseNext(2);
    expectStatus(await emailReceipt(a.owner.accessToken, sale.id, 'buyer-2@example.com'), 202);
    const [mail] = await mailsTo('buyer-2@example.com');
    expect(smtp.offered - offeredBefore).toBe(3);
    expect(mimePart(mail.raw, 'text/plain')).toMatch(/^TOTAL +EUR 12\.34$/m);
    // Sent once: the accepted attempt marked it, so no later delivery of the event sends it again.
    await new Promise((resolve) => setTimeout(resolve, 500));
    expect(smtp.received.filter((received) => received.to.includes('buyer-2@example.com'))).toHaveLength(1);
  });

  it("answers 404 for another shop's sale and for a sale of a store the cashier cannot use, and sends nothing", async () => {
    const sale = await newSale(a, 1);
    const foreign = await emailReceipt(b.owner.accessToken, sale.id, 'intruder@example.com');
    expect([foreign.status, foreign.body.code]).toEqual([404, ErrorCode.SaleNotFound]);

    const product = await newProduct(a, { priceMinor: 500 });
    await receive(a, a.stores[1].id, product.id, 1);
    const otherStore = expectStatus(
      await sell(a.owner.accessToken, {
        storeId: a.stores[1].id,
        lines: [{ productId: product.id, quantity: 1 }],
        tenders: [{ type: 'cash', amountMinor: 500 }],
      }),
      201,
    ).body;
    const elsewhere = await emailReceipt(a.cashier.accessToken, otherStore.id, 'intruder@example.com');
    expect([elsewhere.status, elsewhere.body.code]).toEqual([404, ErrorCode.SaleNotFound]);

    expectStatus(await emailReceipt(a.owner.accessToken, sale.id, 'after-the-refusals@example.com'), 202);
    await mailsTo('after-the-refusals@example.com');
    expect(smtp.received.some((mail) => mail.to.includes('intruder@example.com'))).toBe(false);
  });

  it('refuses a missing or malformed address with 400 naming `to`', async () => {
    const sale = await newSale(a, 1);
    for (const to of [undefined, 'not-an-address', 'two@example.com, three@example.com', 42, `${'x'.repeat(250)}@example.com`]) {
      const response = await emailReceipt(a.owner.accessToken, sale.id, to);
      expect([to, response.status, response.body.code, response.body.errors?.[0]?.field]).toEqual([to, 400, ErrorCode.ValidationFailed, 'to']);
    }
  });
});
