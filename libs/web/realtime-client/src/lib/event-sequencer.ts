import type { EventEnvelope } from '@kassa/contracts';

const REMEMBERED_IDS = 2_000;

/**
 * Hands each event to the app exactly once and resumes from the highest sequence seen. While a replay runs, live
 * events wait, so the replay's older events come first; the union is delivered in sequence order, duplicates dropped.
 * Gaps in `sequence` mean nothing (a store-limited user never sees other stores' events).
 */
export class EventSequencer {
  private readonly seen = new Set<string>();
  private held: EventEnvelope[] | undefined;
  private last: number;

  constructor(
    private readonly deliver: (event: EventEnvelope) => void,
    lastSequence = 0,
  ) {
    this.last = lastSequence;
  }

  /** The `after` to resume from. */
  get lastSequence(): number {
    return this.last;
  }

  /** Live events wait from now until `finishReplay`. */
  startReplay(): void {
    this.held ??= [];
  }

  live(event: EventEnvelope): void {
    if (this.held) this.held.push(event);
    else this.accept([event]);
  }

  /** The replayed events and the live ones that waited, in sequence order, each once. */
  finishReplay(replayed: EventEnvelope[]): void {
    const waiting = this.held ?? [];
    this.held = undefined;
    this.accept([...replayed, ...waiting]);
  }

  /** After a `refetch`: the screens reload, so nothing before `sequence` is owed (live events that waited still go out). */
  resetTo(sequence: number): void {
    this.seen.clear();
    this.last = sequence;
  }

  private accept(events: EventEnvelope[]): void {
    for (const event of [...events].sort((x, y) => x.sequence - y.sequence)) {
      if (this.seen.has(event.id)) continue;
      this.remember(event.id);
      this.last = Math.max(this.last, event.sequence);
      this.deliver(event);
    }
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value as string);
  }
}
