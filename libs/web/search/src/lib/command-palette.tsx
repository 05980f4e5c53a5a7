'use client';
import { useQueries } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useDeferredValue, useEffect, useState } from 'react';
import { useShortcut } from '@kassa/web/shortcuts';
import styles from './command-palette.module.css';
import type { SearchResult, SearchSource } from './search-source';

export interface CommandPaletteProps {
  sources: SearchSource[];
  onNavigate(href: string): void;
  open: boolean;
  onOpenChange(open: boolean): void;
}

/** Ctrl/Cmd+K: one box over every registered source. Works from inside inputs too. */
export function CommandPalette({ sources, onNavigate, open, onOpenChange }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
  useShortcut({
    id: 'search.palette',
    combo: { key: 'k', mod: true },
    description: 'Search and run commands',
    group: 'General',
    allowInInputs: true,
    run: () => onOpenChange(!open),
  });
  const results = useQueries({
    queries: sources.map((source) => ({
      queryKey: ['search', source.id, deferredQuery],
      queryFn: ({ signal }: { signal: AbortSignal }) => source.search(deferredQuery, signal),
      enabled: open,
      staleTime: 30_000,
      networkMode: 'always' as const,
    })),
  });

  function choose(result: SearchResult) {
    onOpenChange(false);
    setQuery('');
    if (result.perform) result.perform();
    else if (result.href) onNavigate(result.href);
  }

  const loading = results.some((result) => result.isFetching);
  // Results arrive asynchronously and unfiltered by cmdk, so keep the first one selected for Enter.
  const firstValue = sources.flatMap((source, index) => (results[index]?.data ?? []).map((result) => `${source.id}:${result.id}`))[0] ?? '';
  const [selected, setSelected] = useState('');
  useEffect(() => setSelected(firstValue), [firstValue]);
  return (
    <Command.Dialog
      open={open}
      onOpenChange={onOpenChange}
      label="Search Kassa"
      shouldFilter={false}
      // cmdk would take Ctrl+K as "move up"; here it closes the palette.
      vimBindings={false}
      value={selected}
      onValueChange={setSelected}
      overlayClassName={styles.overlay}
      contentClassName={styles.content}
    >
      <Command.Input className={styles.input} value={query} onValueChange={setQuery} placeholder="Search pages, people, stores…" />
      <Command.List className={styles.list}>
        {loading && <Command.Loading>Searching…</Command.Loading>}
        <Command.Empty className={styles.empty}>Nothing found.</Command.Empty>
        {sources.map((source, index) => {
          const items = results[index]?.data ?? [];
          if (items.length === 0) return null;
          return (
            <Command.Group key={source.id} heading={source.heading} className={styles.group}>
              {items.map((result) => (
                <Command.Item key={`${source.id}:${result.id}`} value={`${source.id}:${result.id}`} onSelect={() => choose(result)} className={styles.item}>
                  <span>{result.title}</span>
                  {result.subtitle && <span className={styles.subtitle}>{result.subtitle}</span>}
                </Command.Item>
              ))}
            </Command.Group>
          );
        })}
      </Command.List>
    </Command.Dialog>
  );
}
