/** One hit in the command palette: a page to open or an action to run. */
export interface SearchResult {
  id: string;
  title: string;
  subtitle?: string;
  /** Extra words that should find this result (e.g. "preferences" for Settings). */
  keywords?: string[];
  href?: string;
  perform?: () => void;
}

/**
 * Something the palette searches: actions, users and stores now; products, customers and sales
 * register theirs as those features land. `search` gets the query as typed and may ask the API.
 */
export interface SearchSource {
  id: string;
  heading: string;
  search(query: string, signal: AbortSignal): Promise<SearchResult[]>;
}

function normalize(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase();
}

/** Every word of the query appears somewhere in the result's title, subtitle or keywords. */
export function matchesQuery(query: string, result: SearchResult): boolean {
  const haystack = normalize([result.title, result.subtitle ?? '', ...(result.keywords ?? [])].join(' '));
  return normalize(query)
    .split(/\s+/)
    .filter(Boolean)
    .every((word) => haystack.includes(word));
}

/** A source over a fixed or already-loaded list, filtered in the browser. */
export function listSource(id: string, heading: string, load: (signal: AbortSignal) => Promise<SearchResult[]> | SearchResult[]): SearchSource {
  return {
    id,
    heading,
    async search(query, signal) {
      const results = await load(signal);
      return results.filter((result) => matchesQuery(query, result));
    },
  };
}
