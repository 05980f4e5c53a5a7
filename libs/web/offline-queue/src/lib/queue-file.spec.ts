import type { OutboxEntry } from './outbox';
import type { TransportAnswer } from './outbox-sync';
import { parseQueueFile, postQueueFile, queueExport } from './queue-file';

const entry = (seq: number, id: string, kind: OutboxEntry['kind'], body: object): OutboxEntry => ({
  seq,
  id,
  kind,
  path: kind === 'customer' ? '/api/v1/customers' : '/api/v1/sales',
  body: JSON.stringify({ id, ...body }),
  registerId: 'r',
  receiptNumber: kind === 'sale' ? seq : null,
  occurredAt: '2026-11-30T09:00:00.000Z',
  offline: true,
  cashierId: 'c',
  totalMinor: null,
  state: 'waiting',
  attempts: 0,
  lastError: null,
  refusal: null,
  queuedAt: '2026-11-30T09:00:00.000Z',
});

/** An API that keeps what it took by id: a resend of a kept id is a replay. */
function fakeApi(answers: Record<string, TransportAnswer> = {}) {
  const taken = new Map<string, string>();
  const sent: OutboxEntry[] = [];
  const transport = async (sending: OutboxEntry): Promise<TransportAnswer> => {
    sent.push(sending);
    if (answers[sending.id]) return answers[sending.id];
    if (!taken.has(sending.id)) taken.set(sending.id, sending.body);
    return { status: 201, body: { id: sending.id } };
  };
  return { taken, sent, transport };
}

describe('queue files', () => {
  it('reads back what it exported, and says why another file is not one', () => {
    const exported = queueExport('d', 'r', [entry(1, 's1', 'sale', {})], new Date('2026-11-30T10:00:00Z'));
    expect(parseQueueFile('q.json', JSON.stringify(exported))).toEqual(exported);
    expect(parseQueueFile('q.json', '{')).toEqual({ error: 'q.json is not a queue file (not JSON).' });
    expect(parseQueueFile('q.json', '{"format":"other","entries":[]}')).toEqual({ error: 'q.json is not a Kassa queue export.' });
  });

  it('posts in queue order, each entry once however often the file is posted, and goes on past a refusal', async () => {
    const api = fakeApi({ bad: { status: 400, body: { detail: 'No such product.', errors: [{ field: 'lines.0.productId', message: 'unknown' }] } } });
    const file = [entry(3, 's3', 'sale', {}), entry(1, 's1', 'sale', {}), entry(2, 'bad', 'sale', {})];
    const first = await postQueueFile(file, api.transport);
    expect(first.map((result) => [result.entry.id, result.outcome, result.reason])).toEqual([
      ['s1', 'posted', null],
      ['bad', 'refused', 'No such product. (lines.0.productId: unknown)'],
      ['s3', 'posted', null],
    ]);
    await postQueueFile(file, api.transport);
    expect([...api.taken.keys()]).toEqual(['s1', 's3']);
    // Byte for byte what the till froze: the API's fingerprint recognises a replay.
    expect(api.sent.filter((sent) => sent.id === 's1').map((sent) => sent.body)).toEqual([file[1].body, file[1].body]);
  });

  it('stops at a network failure or a 5xx and reports the rest not sent', async () => {
    const api = fakeApi({ s2: { status: 503, body: { detail: 'Down for a moment.' } } });
    const results = await postQueueFile([entry(1, 's1', 'sale', {}), entry(2, 's2', 'sale', {}), entry(3, 's3', 'sale', {})], api.transport);
    expect(results.map((result) => [result.entry.id, result.outcome, result.reason])).toEqual([
      ['s1', 'posted', null],
      ['s2', 'not sent', 'Down for a moment.'],
      ['s3', 'not sent', 'Down for a moment.'],
    ]);
    const offline = await postQueueFile([entry(1, 's1', 'sale', {})], () => Promise.reject(new Error('Failed to fetch')));
    expect(offline.map((result) => [result.outcome, result.reason])).toEqual([['not sent', 'Failed to fetch']]);
  });

  it('sends the sales after a merged customer with the customer the shop already had', async () => {
    const api = fakeApi({ 'new-customer': { status: 200, body: { id: 'existing' } } });
    await postQueueFile(
      [entry(1, 'new-customer', 'customer', { name: 'Ada' }), entry(2, 's2', 'sale', { customerId: 'new-customer' }), entry(3, 's3', 'sale', {})],
      api.transport,
    );
    expect(JSON.parse(api.taken.get('s2') as string)).toMatchObject({ customerId: 'existing' });
    expect(JSON.parse(api.taken.get('s3') as string)).not.toHaveProperty('customerId');
  });
});
