/** How long a generation read from Redis is trusted without reading it again, pushes or not (a lost push, a flushed Redis). */
export const CONFIRM_MS = 1_000;

interface Known {
  generation: number;
  confirmedAt: number;
}

/**
 * The generations this process knows, kept current by the bumps every replica publishes: a cached read whose entry the
 * process holds then needs no Redis round trip at all. A generation is trusted only while the subscription to the
 * bumps is up, and for CONFIRM_MS after it was last read from Redis or pushed; losing the subscription forgets them all.
 */
export class KnownGenerations {
  private readonly known = new Map<string, Known>();
  private subscribed = false;
  /** Bumps heard so far, of any key: a read during which none arrived is trusted as it is (even lower: Redis was reset). */
  private heard = 0;

  constructor(private readonly now: () => number = Date.now) {}

  /** The generation of `key` as this process knows it for sure, if it does. */
  get(key: string): number | undefined {
    if (!this.subscribed) return undefined;
    const known = this.known.get(key);
    return known && this.now() - known.confirmedAt < CONFIRM_MS ? known.generation : undefined;
  }

  /** Starts a read of generations from Redis: pass the mark to `read` with what it found. */
  mark(): number {
    return this.heard;
  }

  /**
   * A generation read from Redis. If a bump was heard while the read was under way, what it found may already be old:
   * a newer pushed generation is kept, and otherwise nothing is trusted until the next read.
   */
  read(key: string, generation: number, mark: number): void {
    const known = this.known.get(key);
    if (mark !== this.heard) {
      if (!known || known.generation < generation) this.known.delete(key);
      return;
    }
    this.known.set(key, { generation, confirmedAt: this.now() });
  }

  /** A bump, ours or another replica's. */
  pushed(key: string, generation: number): void {
    this.heard += 1;
    const known = this.known.get(key);
    if (known && generation > known.generation) this.known.set(key, { generation, confirmedAt: this.now() });
  }

  /** Whether bumps reach this process now; while they do not, nothing is known. */
  listening(subscribed: boolean): void {
    this.subscribed = subscribed;
    if (!subscribed) this.known.clear();
  }
}
