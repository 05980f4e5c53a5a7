import { IDBFactory } from 'fake-indexeddb';
import { installOutboxStore, Outbox, type OutboxDraft } from './outbox';
import { backoffDelay, OutboxSync, type TransportAnswer } from './outbox-sync';

async function openOutbox(): Promise<Outbox> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const request = new IDBFactory().open('till', 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore('meta');
      installOutboxStore(request.result);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
  return new Outbox(db, { store: 'meta', key: 'lastReceiptNumber' });
}

const draft = (id: string, kind: OutboxDraft['kind'], body: object): OutboxDraft => ({
  id,
  kind,
  path: kind === 'customer' ? '/api/v1/customers' : '/api/v1/sales',
  body: { id, ...body },
  registerId: 'r',
  occurredAt: '2026-11-30T09:00:00.000Z',
  offline: true,
  cashierId: 'c',
});

describe('backoffDelay', () => {
  it('doubles from 2 s with half of each delay random, capped at 5 minutes', () => {
    expect([1, 2, 3].map((failures) => backoffDelay(failures, () => 0))).toEqual([1_000, 2_000, 4_000]);
    expect([1, 2, 3].map((failures) => backoffDelay(failures, () => 1))).toEqual([2_000, 4_000, 8_000]);
    expect(backoffDelay(30, () => 1)).toBe(300_000);
  });
});

describe('OutboxSync', () => {
  it('sends the sales after a merged customer with the customer the shop already had', async () => {
    const outbox = await openOutbox();
    await outbox.enqueue(draft('new-customer', 'customer', { name: 'Ada', email: 'ada@example.test', merge: true }));
    await outbox.enqueueNumbered((receiptNumber) => draft('sale-1', 'sale', { receiptNumber, customerId: 'new-customer' }));
    const sent: string[] = [];
    const sut = new OutboxSync(outbox, async (entry): Promise<TransportAnswer> => {
      sent.push(entry.body);
      return { status: entry.kind === 'customer' ? 200 : 201, body: { id: entry.kind === 'customer' ? 'existing-customer' : entry.id } };
    });
    expect(await sut.run()).toMatchObject({ sent: 2, refused: 0 });
    expect(JSON.parse(sent[1])).toEqual({ id: 'sale-1', receiptNumber: 1, customerId: 'existing-customer' });
    expect(await outbox.entries()).toEqual([]);
  });

  it('stops on a 401 without refusing the sale, and on a 409 in flight as on a 5xx', async () => {
    const outbox = await openOutbox();
    await outbox.enqueueNumbered((receiptNumber) => draft('sale-1', 'sale', { receiptNumber }));
    const answers: TransportAnswer[] = [
      { status: 401, body: { code: 'token_expired', detail: 'The access token expired.' } },
      { status: 409, body: { code: 'idempotency_key_in_flight', detail: 'Still processing.' } },
    ];
    const sut = new OutboxSync(outbox, async () => answers.shift() as TransportAnswer);
    expect(await sut.run()).toMatchObject({ stoppedBy: 'unauthorized', lastError: 'The access token expired.' });
    expect(await sut.run()).toMatchObject({ stoppedBy: 'server', lastError: 'Still processing.' });
    expect(sut.consecutiveFailures).toBe(1);
    expect(await outbox.summary()).toEqual({ waiting: 1, refused: 0, oldestWaitingAt: '2026-11-30T09:00:00.000Z' });
  });

  it('sends a refund only after the sale it names, and holds it while that sale waits on a 5xx', async () => {
    const outbox = await openOutbox();
    await outbox.enqueueNumbered((receiptNumber) => draft('sale-1', 'sale', { receiptNumber }));
    await outbox.enqueue({ ...draft('refund-1', 'refund', { lines: [{ position: 0, quantity: 1, restock: true }] }), path: '/api/v1/sales/sale-1/refunds' });
    const sent: string[] = [];
    let apiDown = true;
    const sut = new OutboxSync(outbox, async (entry): Promise<TransportAnswer> => {
      sent.push(entry.id);
      return apiDown ? { status: 503, body: { detail: 'Down for a moment.' } } : { status: 201, body: { id: entry.id } };
    });
    expect(await sut.run()).toMatchObject({ sent: 0, stoppedBy: 'server' });
    expect(sent).toEqual(['sale-1']);
    apiDown = false;
    expect(await sut.run()).toMatchObject({ sent: 2 });
    expect(sent).toEqual(['sale-1', 'sale-1', 'refund-1']);
  });

  it('imports an exported queue once, skipping ids it already holds', async () => {
    const source = await openOutbox();
    await source.enqueueNumbered((receiptNumber) => draft('sale-1', 'sale', { receiptNumber }));
    await source.enqueueNumbered((receiptNumber) => draft('sale-2', 'sale', { receiptNumber }));
    const target = await openOutbox();
    expect(await target.importEntries(await source.entries())).toBe(2);
    expect(await target.importEntries(await source.entries())).toBe(0);
    expect((await target.entries()).map((entry) => [entry.id, entry.receiptNumber, entry.body])).toEqual(
      (await source.entries()).map((entry) => [entry.id, entry.receiptNumber, entry.body]),
    );
  });
});
