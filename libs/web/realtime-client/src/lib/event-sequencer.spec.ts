import type { EventEnvelope } from '@kassa/contracts';
import { EventSequencer } from './event-sequencer';

const event = (sequence: number, id = `e${sequence}`): EventEnvelope => ({
  id,
  type: 'sale.created',
  tenantId: 't',
  sequence,
  aggregateType: 'sale',
  aggregateId: `s${sequence}`,
  aggregateVersion: 1,
  occurredAt: '2026-11-30T00:00:00.000Z',
  data: {},
});

describe('EventSequencer', () => {
  const build = (last = 0) => {
    const delivered: number[] = [];
    return { sut: new EventSequencer((e) => delivered.push(e.sequence), last), delivered };
  };

  it('delivers live events once each and remembers the highest sequence', () => {
    const { sut, delivered } = build();
    for (const e of [event(3), event(5), event(3), event(4)]) sut.live(e);
    expect(delivered).toEqual([3, 5, 4]);
    expect(sut.lastSequence).toBe(5);
  });

  it('holds live events during a replay and then delivers the union in sequence order, each once', () => {
    const { sut, delivered } = build(10);
    sut.startReplay();
    sut.live(event(14));
    sut.live(event(12));
    sut.finishReplay([event(11), event(12), event(13)]);
    expect(delivered).toEqual([11, 12, 13, 14]);
    expect(sut.lastSequence).toBe(14);
  });

  it('still delivers the live events that waited when the replay says refetch', () => {
    const { sut, delivered } = build(10);
    sut.startReplay();
    sut.live(event(40));
    sut.resetTo(10);
    sut.finishReplay([]);
    expect(delivered).toEqual([40]);
  });

  it('resumes a replay from the highest sequence seen half a minute ago, since live pushes may come out of order', () => {
    let now = 0;
    const delivered: number[] = [];
    const sut = new EventSequencer(
      (e) => delivered.push(e.sequence),
      0,
      () => now,
    );
    sut.live(event(3));
    now = 40_000;
    // 8's push overtook 7's, and the connection dropped before 7 arrived.
    sut.live(event(8));
    expect(sut.lastSequence).toBe(8);
    expect(sut.resumeAfter).toBe(3);
    sut.startReplay();
    sut.finishReplay([event(7), event(8)]);
    expect(delivered).toEqual([3, 8, 7]);
    now = 80_000;
    expect(sut.resumeAfter).toBe(8);
  });

  it('resumes from just before the first event when every event seen is recent', () => {
    let now = 0;
    const sut = new EventSequencer(
      () => undefined,
      0,
      () => now,
    );
    sut.live(event(12));
    sut.live(event(10));
    now = 5_000;
    expect(sut.resumeAfter).toBe(9);
  });

  it('never resumes from before where the shop stood when the client started', () => {
    const sut = new EventSequencer(
      () => undefined,
      0,
      () => 0,
    );
    sut.live(event(52));
    sut.startAfter(50);
    expect(sut.resumeAfter).toBe(50);
    expect(sut.lastSequence).toBe(52);
  });
});
