import type { EventEnvelope } from '@kassa/contracts';

const REMEMBERED_IDS = 10_000;
/** Long enough for any event committed before another to have been pushed too (relay poll + queue, under load). */
const PUSH_SETTLE_MS = 30_000;

/**
 * Hands each event to the app exactly once and says where a replay must resume. While a replay runs, live events
 * wait, so the replay's older events come first; the union is delivered in sequence order, duplicates dropped.
 * Gaps in `sequence` mean nothing (a store-limited user never sees other stores' events). Live pushes need not come
 * in sequence order (concurrent consumers push them), so a replay resumes from the highest sequence seen
 * `PUSH_SETTLE_MS` ago, not the highest seen: what came since is sent again and dropped here by id.
 */
export class EventSequencer {
  private readonly seen = new Set<string>();
  private held: EventEnvelope[] | undefined;
  private last: number;
  /** The highest sequence delivered before the settle window; `recent` holds those delivered within it. */
  private settled: number;
  private recent: { at: number; sequence: number }[] = [];

  constructor(
    private readonly deliver: (event: EventEnvelope) => void,
    lastSequence = 0,
    private readonly now: () => number = Date.now,
  ) {
    this.last = lastSequence;
    this.settled = lastSequence;
  }

  /** The highest sequence seen (0: none yet). */
  get lastSequence(): number {
    return this.last;
  }

  /** The `after` a replay resumes from. */
  get resumeAfter(): number {
    this.settle();
    if (this.settled > 0 || this.recent.length === 0) return this.settled;
    return Math.min(...this.recent.map((entry) => entry.sequence)) - 1;
  }

  /** Where the shop stood when this client started: a replay never resumes from before it. */
  startAfter(head: number): void {
    this.settled = Math.max(this.settled, head);
    this.last = Math.max(this.last, head);
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
    this.recent = [];
    this.last = sequence;
    this.settled = sequence;
  }

  private accept(events: EventEnvelope[]): void {
    this.settle();
    for (const event of [...events].sort((x, y) => x.sequence - y.sequence)) {
      if (this.seen.has(event.id)) continue;
      this.remember(event.id);
      this.last = Math.max(this.last, event.sequence);
      this.recent.push({ at: this.now(), sequence: event.sequence });
      this.deliver(event);
    }
  }

  private settle(): void {
    const cutoff = this.now() - PUSH_SETTLE_MS;
    while (this.recent.length > 0 && this.recent[0].at <= cutoff) {
      this.settled = Math.max(this.settled, (this.recent.shift() as { sequence: number }).sequence);
    }
  }

  private remember(id: string): void {
    this.seen.add(id);
    if (this.seen.size > REMEMBERED_IDS) this.seen.delete(this.seen.values().next().value as string);
  }
}
