import request from 'supertest';
import { ErrorCode } from '@kassa/contracts';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { ownerQuery } from '../support/owner-query';
import { startTestApi, TestApi } from '../support/test-api';

describe('restoring a deleted product (undo)', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const as = (token = shop.owner.accessToken) => bearer(token);
  const create = async (sku: string, barcodes: string[] = []) =>
    expectStatus(await http().post('/api/v1/products').set(as()).send({ sku, name: sku, priceMinor: 100, barcodes }), 201).body;
  const remove = async (id: string) => expectStatus(await http().delete(`/api/v1/products/${id}`).set(as()), 204);
  const restore = (id: string, body: object = {}, token?: string) => http().post(`/api/v1/products/${id}/restore`).set(as(token)).send(body);

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Undo');
  });
  afterAll(() => api.close());

  it('brings the product back with its barcodes as a new version, with an event and an audit row', async () => {
    const product = await create('UNDO-1', ['4006381333931']);
    await remove(product.id);
    const restored = await restore(product.id, { barcodes: ['4006381333931'] });
    expect(expectStatus(restored, 200).body).toMatchObject({ id: product.id, sku: 'UNDO-1', barcodes: ['4006381333931'], version: 3 });
    expect(restored.headers['etag']).toBe('"3"');
    expect(expectStatus(await http().get(`/api/v1/products/by-barcode/4006381333931`).set(as()), 200).body.id).toBe(product.id);
    const events = await ownerQuery<{ type: string }>(api, `SELECT type FROM outbox_event WHERE aggregate_id = $1 ORDER BY aggregate_version`, [product.id]);
    expect(events.map((event) => event.type)).toEqual(['product.created', 'product.deleted', 'product.updated']);
    const audit = await ownerQuery(api, `SELECT 1 FROM audit_log WHERE entity_id = $1 AND metadata->>'restored' = 'true'`, [product.id]);
    expect(audit).toHaveLength(1);
  });

  it('shows the restored product in the cached first page of the list and by id at once', async () => {
    const product = await create('UNDO-LIST');
    const listed = async () =>
      (expectStatus(await http().get('/api/v1/products?limit=200').set(as()), 200).body.items as { id: string }[]).some((item) => item.id === product.id);
    expect(await listed()).toBe(true);
    await remove(product.id);
    expect(await listed()).toBe(false);
    expect((await http().get(`/api/v1/products/${product.id}`).set(as())).status).toBe(404);
    expectStatus(await restore(product.id), 200);
    expect(await listed()).toBe(true);
    expectStatus(await http().get(`/api/v1/products/${product.id}`).set(as()), 200);
  });

  it('answers a product that is not deleted as it is', async () => {
    const product = await create('UNDO-2');
    expect(expectStatus(await restore(product.id), 200).body).toMatchObject({ id: product.id, version: 1 });
  });

  it('refuses with 409 sku_taken when the SKU was reused meanwhile, and with barcode_taken for a barcode taken, leaving it deleted', async () => {
    const product = await create('UNDO-3', ['96385074']);
    await remove(product.id);
    await create('UNDO-3');
    const skuTaken = await restore(product.id);
    expect([skuTaken.status, skuTaken.body.code, skuTaken.body.errors[0].field]).toEqual([409, ErrorCode.SkuTaken, 'sku']);

    const other = await create('UNDO-4', ['4000000000001']);
    await remove(other.id);
    await create('UNDO-5', ['04000000000001']);
    const barcodeTaken = await restore(other.id, { barcodes: ['4000000000001'] });
    expect([barcodeTaken.status, barcodeTaken.body.code]).toEqual([409, ErrorCode.BarcodeTaken]);
    for (const id of [product.id, other.id]) expect((await http().get(`/api/v1/products/${id}`).set(as())).status).toBe(404);
  });

  it('keeps cashiers out and refuses bad barcodes naming the field', async () => {
    const product = await create('UNDO-6');
    await remove(product.id);
    const cashier = await restore(product.id, {}, shop.cashier.accessToken);
    expect([cashier.status, cashier.body.code]).toEqual([403, ErrorCode.Forbidden]);
    const bad = await restore(product.id, { barcodes: ['no spaces allowed'] });
    expect([bad.status, bad.body.errors[0].field]).toEqual([400, 'barcodes']);
  });
});
