import { IDBFactory } from 'fake-indexeddb';
import { CatalogSnapshot, type SnapshotProduct } from './catalog-snapshot';
import { tillOutbox } from '../offline/till-outbox';
import { lastReceiptNumber, raiseReceiptFloor, savePairedDevice, type PairedDevice } from './paired-device';
import { parkedSales, parkSale, resumeParkedSale } from './parked-sales';
import { TillDb } from './till-db';

const product = (id: string, change: Partial<SnapshotProduct> = {}): SnapshotProduct => ({
  id,
  sku: `SKU-${id}`,
  name: `Product ${id}`,
  categoryId: null,
  priceMinor: 100,
  taxRateBps: 1_900,
  barcodes: [`400${id}`],
  active: true,
  trackStock: true,
  unit: 'pcs',
  ...change,
});

const device: PairedDevice = {
  deviceId: 'd',
  deviceToken: 'kdv_x',
  registerId: 'r',
  registerName: 'Till 1',
  storeId: 's',
  storeName: 'Mitte',
  tenantSlug: 'shop',
  pairedAt: '2026-11-30T00:00:00.000Z',
};

describe('the till catalog snapshot in IndexedDB', () => {
  let db: TillDb;
  let snapshot: CatalogSnapshot;

  beforeEach(async () => {
    db = await TillDb.open(new IDBFactory());
    snapshot = new CatalogSnapshot(db);
    await snapshot.replace({
      products: [
        product('1', { barcodes: ['4001', '4001-alt'], categoryId: 'tea' }),
        product('2', { categoryId: 'tea', name: 'Assam' }),
        product('3', { name: 'Grüner Tee' }),
      ],
      categories: [{ id: 'tea', name: 'Tea', parentId: null }],
      stock: [{ productId: '1', onHand: 7 }],
      favouriteIds: ['3', '1'],
      syncedTo: '2026-11-30T10:00:00.000000Z',
    });
  });

  afterEach(() => db.destroy());

  it('finds a product by any of its barcodes or its SKU, and not an unknown code', async () => {
    expect((await snapshot.lookup('4001-alt'))?.id).toBe('1');
    expect((await snapshot.lookup(' 4002 '))?.id).toBe('2');
    expect((await snapshot.lookup('SKU-3'))?.id).toBe('3');
    expect(await snapshot.lookup('999')).toBeUndefined();
  });

  it('lists a category by name, searches by words of the name or SKU, and keeps stock hints and the sync mark', async () => {
    expect((await snapshot.inCategory('tea')).map((found) => found.name)).toEqual(['Assam', 'Product 1']);
    expect((await snapshot.inCategory(null)).map((found) => found.id)).toEqual(['3']);
    expect((await snapshot.search('product sku-1')).map((found) => found.id)).toEqual(['1']);
    expect((await snapshot.search('gruner TEE')).map((found) => found.id)).toEqual(['3']);
    expect(await snapshot.stockOf('1')).toBe(7);
    expect(await snapshot.syncMark()).toBe('2026-11-30T10:00:00.000000Z');
  });

  it("keeps the register's favourites in the order they were saved, and one saved on the till at once", async () => {
    expect((await snapshot.favourites()).map((found) => found.id)).toEqual(['3', '1']);
    await snapshot.setFavourites(['2', '3']);
    expect((await snapshot.favourites()).map((found) => found.id)).toEqual(['2', '3']);
  });

  it('applies a delta: a new price, a deleted product, a deactivated one, a renamed category, and the next mark', async () => {
    await snapshot.apply({
      products: [product('1', { priceMinor: 250, barcodes: ['4001'] }), product('3', { active: false })],
      deletedProductIds: ['2'],
      categories: [{ id: 'tea', name: 'Teas', parentId: null }],
      deletedCategoryIds: [],
      stock: [{ productId: '1', onHand: 5 }],
      favouriteIds: ['2', '3', '1'],
      syncedTo: '2026-11-30T10:05:00.000000Z',
    });
    expect((await snapshot.lookup('4001'))?.priceMinor).toBe(250);
    expect(await snapshot.lookup('4001-alt')).toBeUndefined();
    expect(await snapshot.lookup('4002')).toBeUndefined();
    expect(await snapshot.lookup('4003')).toBeUndefined();
    expect(await snapshot.stockOf('2')).toBeUndefined();
    expect(await snapshot.stockOf('1')).toBe(5);
    expect((await snapshot.categories()).map((category) => category.name)).toEqual(['Teas']);
    expect(await snapshot.favouriteIds()).toEqual(['2', '3', '1']);
    expect((await snapshot.favourites()).map((found) => found.id)).toEqual(['1']);
    expect(await snapshot.syncMark()).toBe('2026-11-30T10:05:00.000000Z');
  });

  it("numbers receipts from the register's last number, never below it and never twice", async () => {
    const takeReceiptNumber = async (target: TillDb) =>
      (
        await tillOutbox(target).enqueueNumbered((receiptNumber) => ({
          id: `sale-${receiptNumber}`,
          kind: 'sale',
          path: '/api/v1/sales',
          body: { receiptNumber },
          registerId: device.registerId,
          occurredAt: '2026-11-30T10:00:00.000Z',
          offline: false,
          cashierId: 'c',
        }))
      ).receiptNumber;
    await savePairedDevice(db, device, 41);
    expect(await Promise.all([takeReceiptNumber(db), takeReceiptNumber(db)])).toEqual([42, 43]);
    await raiseReceiptFloor(db, 40);
    expect(await lastReceiptNumber(db)).toBe(43);
    await raiseReceiptFloor(db, 50);
    expect(await takeReceiptNumber(db)).toBe(51);
  });

  it('parks sales per device and takes a resumed one off the list', async () => {
    await parkSale(db, { id: 'b', parkedAt: '2026-11-30T10:02:00Z', parkedBy: 'Ana', cart: { id: 'b', lines: [] } });
    await parkSale(db, { id: 'a', parkedAt: '2026-11-30T10:01:00Z', parkedBy: 'Ben', cart: { id: 'a', lines: [] } });
    expect((await parkedSales(db)).map((sale) => sale.id)).toEqual(['a', 'b']);
    expect((await resumeParkedSale(db, 'a'))?.parkedBy).toBe('Ben');
    expect((await parkedSales(db)).map((sale) => sale.id)).toEqual(['b']);
  });
});
