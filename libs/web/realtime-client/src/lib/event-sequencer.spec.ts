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
});
