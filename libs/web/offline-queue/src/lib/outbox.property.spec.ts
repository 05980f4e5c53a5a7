import fc from 'fast-check';
import { IDBFactory } from 'fake-indexeddb';
import { installOutboxStore, Outbox, type OutboxEntry } from './outbox';
import { OutboxSync, type Transport, type TransportAnswer } from './outbox-sync';

const DB = 'till';
const META = 'meta';
const COUNTER = { store: META, key: 'lastReceiptNumber' };
const REGISTER = 'register-1';

/**
 * The API as far as the queue can tell: it records a sale once per id, answers the same body again as a
 * replay, a different body under a known id with `sale_exists`, and refuses sales naming unknown products.
 * Its network can be down, and it can fail the next request with a 503 or commit it and lose the reply.
 */
class FakeApi {
  readonly recorded = new Map<string, { body: string; receiptNumber: number; planted: boolean }>();
  /** Every insert, in order: a duplicate here is a doubled sale. */
  readonly inserts: string[] = [];
  replays = 0;
  down = false;
  next: 'answer' | 'fail-5xx' | 'lose-reply' = 'answer';

  readonly transport: Transport = async (entry) => {
    if (this.down) throw new Error('Failed to fetch');
    const mode = this.next;
    this.next = 'answer';
    if (mode === 'fail-5xx') return { status: 503, body: { title: 'Service Unavailable', detail: 'The database is restarting.' } };
    const answer = this.answer(entry);
    if (mode === 'lose-reply') throw new Error('The connection closed before the reply');
    return answer;
  };

  private answer(entry: OutboxEntry): TransportAnswer {
    const body = JSON.parse(entry.body) as { id: string; receiptNumber: number; lines: { productId: string }[] };
    const earlier = this.recorded.get(body.id);
    if (earlier) {
      if (earlier.body !== entry.body) return { status: 409, body: { code: 'sale_exists', detail: 'A different sale was recorded with this id.' } };
      this.replays += 1;
      return { status: 200, body: { id: body.id } };
    }
    const unknown = body.lines.find((line) => line.productId.startsWith('unknown'));
    if (unknown) return { status: 404, body: { code: 'not_found', detail: `Product ${unknown.productId} was not found.` } };
    this.recorded.set(body.id, { body: entry.body, receiptNumber: body.receiptNumber, planted: false });
    this.inserts.push(body.id);
    return { status: 201, body: { id: body.id } };
  }

  plant(id: string) {
    this.recorded.set(id, { body: '{"someone":"else"}', receiptNumber: -1, planted: true });
  }

  ours(): string[] {
    return [...this.recorded.entries()].filter(([, sale]) => !sale.planted).map(([id]) => id);
  }
}

interface Completed {
  id: string;
  receiptNumber: number;
  refusedBecause?: 'unknown_product' | 'sale_exists';
}

interface Model {
  completed: Completed[];
  nextId: number;
  planted: Set<string>;
}

interface Real {
  factory: IDBFactory;
  api: FakeApi;
  db: IDBDatabase;
  outbox: Outbox;
  sync: OutboxSync;
}

function openDb(factory: IDBFactory): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = factory.open(DB, 1);
    request.onupgradeneeded = () => {
      request.result.createObjectStore(META);
      installOutboxStore(request.result);
    };
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

async function attach(real: Real): Promise<void> {
  real.db = await openDb(real.factory);
  real.outbox = new Outbox(real.db, COUNTER);
  real.sync = new OutboxSync(real.outbox, real.api.transport);
}

const saleId = (n: number) => `sale-${String(n).padStart(4, '0')}`;

/** Nothing on the API that the device did not complete, and nothing twice. */
function assertNeverInvented(model: Model, real: Real) {
  const completed = new Set(model.completed.map((sale) => sale.id));
  expect(real.api.ours().filter((id) => !completed.has(id))).toEqual([]);
  expect(new Set(real.api.inserts).size).toBe(real.api.inserts.length);
}

class Sell implements fc.AsyncCommand<Model, Real> {
  constructor(readonly badProduct: boolean) {}
  check = () => true;
  async run(model: Model, real: Real) {
    const id = saleId(model.nextId);
    model.nextId += 1;
    const entry = await real.outbox.enqueueNumbered((receiptNumber) => ({
      id,
      kind: 'sale',
      path: '/api/v1/sales',
      body: { id, registerId: REGISTER, receiptNumber, lines: [{ productId: this.badProduct ? `unknown-${id}` : 'tea', quantity: 1 }] },
      registerId: REGISTER,
      occurredAt: new Date(Date.UTC(2026, 10, 30, 9, 0, model.nextId)).toISOString(),
      offline: real.api.down,
      cashierId: 'cashier',
    }));
    const refusedBecause = model.planted.has(id) ? 'sale_exists' : this.badProduct ? 'unknown_product' : undefined;
    model.completed.push({ id, receiptNumber: entry.receiptNumber as number, refusedBecause });
    assertNeverInvented(model, real);
  }
  toString = () => `sell(${this.badProduct ? 'unknown product' : 'ok'})`;
}

/** The tab dies while the sale is being written: neither the number nor the sale may survive alone. */
class TornSell implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    await expect(
      real.outbox.enqueueNumbered(() => {
        throw new Error('tab closed');
      }),
    ).rejects.toBeDefined();
    assertNeverInvented(model, real);
  }
  toString = () => 'torn sell';
}

class PlantConflict implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(model: Model, real: Real) {
    const id = saleId(model.nextId);
    model.planted.add(id);
    real.api.plant(id);
  }
  toString = () => 'another sale already holds the next id';
}

class Network implements fc.AsyncCommand<Model, Real> {
  constructor(readonly up: boolean) {}
  check = () => true;
  async run(_: Model, real: Real) {
    real.api.down = !this.up;
  }
  toString = () => (this.up ? 'go online' : 'go offline');
}

class Sync implements fc.AsyncCommand<Model, Real> {
  constructor(readonly trouble: 'none' | 'fail-5xx' | 'lose-reply') {}
  check = () => true;
  async run(model: Model, real: Real) {
    if (this.trouble !== 'none') real.api.next = this.trouble;
    await real.sync.run();
    real.api.next = 'answer';
    assertNeverInvented(model, real);
  }
  toString = () => `sync(${this.trouble})`;
}

/** A reload or a browser restart: the database is closed and opened again; memory is gone. */
class Reload implements fc.AsyncCommand<Model, Real> {
  check = () => true;
  async run(_: Model, real: Real) {
    real.db.close();
    await attach(real);
  }
  toString = () => 'reload';
}

const commands = [
  fc.boolean().map((bad) => new Sell(bad)),
  fc.constant(new Sell(false)),
  fc.constant(new TornSell()),
  fc.constant(new PlantConflict()),
  fc.boolean().map((up) => new Network(up)),
  fc.constantFrom('none', 'fail-5xx', 'lose-reply').map((trouble) => new Sync(trouble)),
  fc.constant(new Reload()),
];

describe('the outbox against a flaky API (model-based)', () => {
  it('delivers every completed sale exactly once except the refused, which stay on the device with their reason', async () => {
    await fc.assert(
      fc.asyncProperty(fc.commands(commands, { maxCommands: 40 }), async (steps) => {
        const model: Model = { completed: [], nextId: 1, planted: new Set() };
        const real = { factory: new IDBFactory(), api: new FakeApi() } as Real;
        await attach(real);
        await fc.asyncModelRun(() => ({ model, real }), steps);

        real.api.down = false;
        for (let round = 0; round < 3 && (await real.outbox.nextWaiting()); round += 1) await real.sync.run();

        const refused = model.completed.filter((sale) => sale.refusedBecause);
        const delivered = model.completed.filter((sale) => !sale.refusedBecause);
        expect(real.api.ours().sort()).toEqual(delivered.map((sale) => sale.id).sort());
        expect(real.api.inserts).toHaveLength(delivered.length);
        // Receipt numbers run 1..n on the device; each is on the API or reported refused, never both, never neither.
        expect(model.completed.map((sale) => sale.receiptNumber)).toEqual(model.completed.map((_, index) => index + 1));
        const left = await real.outbox.entries();
        expect(left.map((entry) => ({ id: entry.id, state: entry.state, code: entry.refusal?.code }))).toEqual(
          refused.map((sale) => ({ id: sale.id, state: 'refused', code: sale.refusedBecause === 'sale_exists' ? 'sale_exists' : 'not_found' })),
        );
        expect(left.every((entry) => (entry.refusal?.detail.length ?? 0) > 0)).toBe(true);
        const onApi = delivered.map((sale) => real.api.recorded.get(sale.id)?.receiptNumber);
        expect(onApi).toEqual(delivered.map((sale) => sale.receiptNumber));
        real.db.close();
      }),
      { numRuns: 150 },
    );
  });
});
