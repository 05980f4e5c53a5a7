import { uuidv7 } from '@kassa/contracts';
import { bearer, expectStatus, TenantFixture } from '../support/identity';
import type { TestApi } from '../support/test-api';

/** Catalog and stock set-up for checkout tests, and the sale itself, through the public API of the API under test. */
export function salesFixtures(api: () => TestApi) {
  const http = () => api().http();

  const newProduct = async (shop: TenantFixture, extra: object = {}): Promise<{ id: string; priceMinor: number }> =>
    expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(shop.owner.accessToken))
        .send({ sku: `SL-${uuidv7().slice(-12)}`, name: 'Sale item', priceMinor: 100, ...extra }),
      201,
    ).body;

  const receive = async (shop: TenantFixture, storeId: string, productId: string, delta: number) =>
    expectStatus(
      await http().post('/api/v1/inventory/adjustments').set(bearer(shop.owner.accessToken)).send({ storeId, productId, delta, reason: 'receipt' }),
      201,
    );

  const onHand = async (shop: TenantFixture, storeId: string, productId: string): Promise<number> =>
    expectStatus(await http().get(`/api/v1/inventory/levels?storeId=${storeId}&productId=${productId}`).set(bearer(shop.owner.accessToken)), 200).body.items[0]
      ?.onHand ?? 0;

  const newPosRegister = async (shop: TenantFixture, storeId: string): Promise<string> =>
    expectStatus(
      await http()
        .post(`/api/v1/stores/${storeId}/registers`)
        .set(bearer(shop.owner.accessToken))
        .send({ name: `Till ${uuidv7().slice(-8)}` }),
      201,
    ).body.id;

  const sell = (token: string, body: object, headers: Record<string, string> = {}) => http().post('/api/v1/sales').set(bearer(token)).set(headers).send(body);

  return { newProduct, receive, onHand, newPosRegister, sell };
}
