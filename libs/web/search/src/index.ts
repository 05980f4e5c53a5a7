export { CommandPalette } from './lib/command-palette';
export { listSource } from './lib/search-source';
export type { SearchResult, SearchSource } from './lib/search-source';
