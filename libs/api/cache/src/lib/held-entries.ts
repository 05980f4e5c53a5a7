/** An entry's text as this process last read it, under the generation it was read in. */
export interface HeldEntry {
  generation: number;
  json: string;
  /** When Keyv's copy expires (ms since the epoch), or null for never: a held copy never outlives it. */
  expires: number | null;
}

/**
 * The entries this process read lately, by their key without the generation, least recently used dropped first once
 * their text passes `maxChars`. A hit on one costs Redis only the check that the generation and the entry are unchanged
 * (TenantCache.peek), not the transfer and parse of a page of products on every request.
 */
export class HeldEntries {
  private readonly entries = new Map<string, HeldEntry>();
  private chars = 0;

  constructor(private readonly maxChars: number) {}

  get(key: string): HeldEntry | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    this.entries.delete(key);
    if (entry.expires !== null && entry.expires <= Date.now()) {
      this.chars -= entry.json.length;
      return undefined;
    }
    this.entries.set(key, entry);
    return entry;
  }

  set(key: string, entry: HeldEntry): void {
    this.delete(key);
    // One huge answer would push out everything else for little gain.
    if (entry.json.length > this.maxChars / 8) return;
    this.entries.set(key, entry);
    this.chars += entry.json.length;
    for (const [oldest] of this.entries) {
      if (this.chars <= this.maxChars) break;
      this.delete(oldest);
    }
  }

  delete(key: string): void {
    const entry = this.entries.get(key);
    if (!entry) return;
    this.entries.delete(key);
    this.chars -= entry.json.length;
  }
}
