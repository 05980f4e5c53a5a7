import request from 'supertest';
import { ErrorCode, uuidv7 } from '@kassa/contracts';
import { bearer, createTenant, expectStatus, TenantFixture } from '../support/identity';
import { startTestApi, TestApi } from '../support/test-api';

describe('categories', () => {
  let api: TestApi;
  let shop: TenantFixture;
  const http = () => request(api.app.getHttpServer());
  const post = async (body: object) => expectStatus(await http().post('/api/v1/categories').set(bearer(shop.owner.accessToken)).send(body), 201).body;

  beforeAll(async () => {
    api = await startTestApi();
    shop = await createTenant(api.app, 'Golf');
  });
  afterAll(() => api.close());

  it('lists the tree with parents before their children', async () => {
    const drinks = await post({ name: 'Drinks' });
    const juice = await post({ name: 'Juice', parentId: drinks.id });
    const bakery = await post({ name: 'Bakery' });
    const items = expectStatus(await http().get('/api/v1/categories').set(bearer(shop.owner.accessToken)), 200).body.items;
    expect(items.map((category: { id: string }) => category.id)).toEqual([bakery.id, drinks.id, juice.id]);
    expect(items[2].parentId).toBe(drinks.id);
  });

  it('refuses to delete a category with products or subcategories (409 category_in_use), then deletes it once empty', async () => {
    const parent = await post({ name: 'Dairy' });
    const child = await post({ name: 'Cheese', parentId: parent.id });
    const product = expectStatus(
      await http()
        .post('/api/v1/products')
        .set(bearer(shop.owner.accessToken))
        .send({ sku: `CH-${uuidv7().slice(-8)}`, name: 'Gouda', priceMinor: 899, categoryId: child.id }),
      201,
    ).body;
    for (const id of [parent.id, child.id]) {
      const response = await http().delete(`/api/v1/categories/${id}`).set(bearer(shop.owner.accessToken));
      expect(response.status).toBe(409);
      expect(response.body.code).toBe(ErrorCode.CategoryInUse);
    }
    expectStatus(await http().delete(`/api/v1/products/${product.id}`).set(bearer(shop.owner.accessToken)), 204);
    expectStatus(await http().delete(`/api/v1/categories/${child.id}`).set(bearer(shop.owner.accessToken)), 204);
    expectStatus(await http().delete(`/api/v1/categories/${parent.id}`).set(bearer(shop.owner.accessToken)), 204);
  });

  it('refuses to move a category inside itself, naming parentId', async () => {
    const top = await post({ name: 'Frozen' });
    const below = await post({ name: 'Ice cream', parentId: top.id });
    const response = await http().patch(`/api/v1/categories/${top.id}`).set(bearer(shop.owner.accessToken)).send({ parentId: below.id });
    expect(response.status).toBe(400);
    expect(response.body.errors[0].field).toBe('parentId');
  });

  it('refuses an unknown parent with 404 naming parentId', async () => {
    const response = await http().post('/api/v1/categories').set(bearer(shop.owner.accessToken)).send({ name: 'Orphan', parentId: uuidv7() });
    expect(response.status).toBe(404);
    expect(response.body).toMatchObject({ code: ErrorCode.CategoryNotFound, errors: [{ field: 'parentId' }] });
  });

  it('moves a category to the top (parentId null) and renames it, keeping its subcategories under it', async () => {
    const pantry = await post({ name: 'Pantry' });
    const spices = await post({ name: 'Spices', parentId: pantry.id });
    const pepper = await post({ name: 'Pepper', parentId: spices.id });
    const moved = expectStatus(
      await http().patch(`/api/v1/categories/${spices.id}`).set(bearer(shop.owner.accessToken)).send({ parentId: null, name: 'Herbs & spices' }),
      200,
    ).body;
    expect(moved).toMatchObject({ id: spices.id, parentId: null, name: 'Herbs & spices', version: spices.version + 1 });
    const items: { id: string; parentId: string | null }[] = expectStatus(await http().get('/api/v1/categories').set(bearer(shop.owner.accessToken)), 200).body
      .items;
    expect(items.find((category) => category.id === pepper.id)?.parentId).toBe(spices.id);
  });

  it("refuses another shop's category as a parent, and to rename, move or delete it, with 404", async () => {
    const other = await createTenant(api.app, 'Hotel');
    const theirs = expectStatus(await http().post('/api/v1/categories').set(bearer(other.owner.accessToken)).send({ name: 'Theirs' }), 201).body;
    const mine = await post({ name: 'Mine' });
    const asParent = await http().patch(`/api/v1/categories/${mine.id}`).set(bearer(shop.owner.accessToken)).send({ parentId: theirs.id });
    expect(asParent.status).toBe(404);
    expect(asParent.body).toMatchObject({ code: ErrorCode.CategoryNotFound, errors: [{ field: 'parentId' }] });
    expect((await http().patch(`/api/v1/categories/${theirs.id}`).set(bearer(shop.owner.accessToken)).send({ name: 'Taken' })).status).toBe(404);
    expect((await http().patch(`/api/v1/categories/${theirs.id}`).set(bearer(shop.owner.accessToken)).send({ parentId: null })).status).toBe(404);
    expect((await http().delete(`/api/v1/categories/${theirs.id}`).set(bearer(shop.owner.accessToken))).status).toBe(404);
    const theirTree = expectStatus(await http().get('/api/v1/categories').set(bearer(other.owner.accessToken)), 200).body.items;
    expect(theirTree).toEqual([expect.objectContaining({ id: theirs.id, name: 'Theirs', parentId: null })]);
  });

  it('says why a move into its own subcategory is refused, in words a screen can show', async () => {
    const top = await post({ name: 'Household' });
    const below = await post({ name: 'Cleaning', parentId: top.id });
    const response = await http().patch(`/api/v1/categories/${top.id}`).set(bearer(shop.owner.accessToken)).send({ parentId: below.id });
    expect(response.body).toMatchObject({ detail: 'A category cannot sit inside itself.', errors: [{ field: 'parentId' }] });
    const self = await http().patch(`/api/v1/categories/${top.id}`).set(bearer(shop.owner.accessToken)).send({ parentId: top.id });
    expect(self.status).toBe(400);
  });
});
