import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { eventually, mimePart } from '@kassa/testing';
import { salesFixtures } from '../sales/sales-fixtures';
import { bearer, createTenantPair, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('mail without SMTP_URL: .eml files, and the development mailbox', () => {
  let api: TestApi;
  let dataDir: string;
  let a: TenantFixture;
  let b: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const { newProduct, receive, sell } = salesFixtures(() => api);

  beforeAll(async () => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'kassa-mail-'));
    api = await startTestApi({ env: { NODE_ENV: 'development', KASSA_DATA_DIR: dataDir, RECEIPT_EMAILS_PER_HOUR: '3' } });
    ({ a, b } = await createTenantPair(api.app));
  });
  afterAll(async () => {
    await api.close();
    rmSync(dataDir, { recursive: true, force: true });
  });

  const newSale = async (shop: TenantFixture): Promise<{ id: string }> => {
    const product = await newProduct(shop, { priceMinor: 450 });
    await receive(shop, shop.stores[0].id, product.id, 1);
    return expectStatus(
      await sell(shop.owner.accessToken, {
        storeId: shop.stores[0].id,
        lines: [{ productId: product.id, quantity: 1 }],
        tenders: [{ type: 'card', amountMinor: 450 }],
      }),
      201,
    ).body;
  };
  const emailReceipt = (shop: TenantFixture, saleId: string, to: string) =>
    http().post(`/api/v1/sales/${saleId}/receipt/email`).set(bearer(shop.owner.accessToken)).send({ to });
  const mailbox = (shop: TenantFixture, headers: Record<string, string> = {}) =>
    http().get('/api/v1/admin/mail').set(bearer(shop.owner.accessToken)).set(headers);
  const writtenMail = (shop: TenantFixture, to: string) =>
    eventually(
      async () => expectStatus(await mailbox(shop), 200).body.items.filter((mail: { to: string }) => mail.to === to),
      (mails: unknown[]) => mails.length > 0,
    ).then(([mail]) => mail as { id: string; purpose: string; subject: string; file: string; size: number });

  it('writes an emailed receipt as an .eml file under KASSA_DATA_DIR/mail, listed in the mailbox', async () => {
    const sale = await newSale(a);
    expectStatus(await emailReceipt(a, sale.id, 'eml-buyer@example.com'), 202);
    const mail = await writtenMail(a, 'eml-buyer@example.com');
    expect(mail).toMatchObject({ purpose: 'receipt', subject: expect.stringMatching(/^Your receipt from Alpha/) });
    expect(path.dirname(mail.file)).toBe(path.resolve(dataDir, 'mail', a.id));
    expect(readdirSync(path.join(dataDir, 'mail', a.id))).toContain(`${mail.id}.eml`);
    const raw = readFileSync(mail.file, 'utf8');
    expect(raw.length).toBe(mail.size);
    expect(raw).toMatch(/^To: eml-buyer@example\.com$/m);
    expect(mimePart(raw, 'text/plain')).toMatch(/^TOTAL +EUR 4\.50$/m);
  });

  it('mails an invite its set-password link', async () => {
    const invited = expectStatus(
      await http()
        .post('/api/v1/users')
        .set(bearer(a.owner.accessToken))
        .send({ name: 'Ina Invited', email: `ina@${a.slug}.test`, role: 'cashier' }),
      201,
    ).body;
    const mail = await writtenMail(a, `ina@${a.slug}.test`);
    expect(mail).toMatchObject({ purpose: 'invite', subject: 'You are invited to Alpha on Kassa' });
    const raw = readFileSync(mail.file, 'utf8');
    expect(mimePart(raw, 'text/plain')).toContain(invited.invite.url);
    expect(mimePart(raw, 'text/html')).toContain(`href="${invited.invite.url}"`);
  });

  it('shows each shop only its own mail, and hides the mailbox from callers on another machine', async () => {
    const sale = await newSale(b);
    expectStatus(await emailReceipt(b, sale.id, 'bravo-buyer@example.com'), 202);
    await writtenMail(b, 'bravo-buyer@example.com');
    const aList = expectStatus(await mailbox(a), 200).body.items as { to: string; file: string }[];
    expect(aList.some((mail) => mail.to === 'bravo-buyer@example.com')).toBe(false);
    const bList = expectStatus(await mailbox(b), 200).body.items as { to: string; file: string }[];
    expect(bList.every((mail) => path.dirname(mail.file) === path.resolve(dataDir, 'mail', b.id))).toBe(true);

    const remote = await mailbox(a, { 'x-forwarded-for': '203.0.113.7' });
    expect([remote.status, remote.body.code]).toEqual([404, ErrorCode.RouteNotFound]);
    expect((await http().get('/api/v1/admin/mail').set(bearer(a.cashier.accessToken))).status).toBe(403);
  });

  it("limits a shop's receipt emails per hour with 429 receipt_email_limited and Retry-After, other shops unaffected", async () => {
    const sale = await newSale(b);
    // The shop emailed one receipt in the test before: two more fit in the hour.
    for (let sent = 2; sent <= 3; sent++) expectStatus(await emailReceipt(b, sale.id, `limit-${sent}@example.com`), 202);
    const refused = await emailReceipt(b, sale.id, 'limit-4@example.com');
    expect([refused.status, refused.body.code]).toEqual([429, ErrorCode.ReceiptEmailLimited]);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(3000);
    expectStatus(await emailReceipt(a, (await newSale(a)).id, 'alpha-still-sends@example.com'), 202);
  });
});

describe('the development mailbox outside development', () => {
  let api: TestApi;
  let a: TenantFixture;

  beforeAll(async () => {
    api = await startTestApi();
    ({ a } = await createTenantPair(api.app));
  });
  afterAll(() => api.close());

  it('answers 404 route_not_found, even to an owner on this machine', async () => {
    const response = await request(api.app.getHttpServer()).get('/api/v1/admin/mail').set(bearer(a.owner.accessToken));
    expect([response.status, response.body.code]).toEqual([404, ErrorCode.RouteNotFound]);
  });
});
