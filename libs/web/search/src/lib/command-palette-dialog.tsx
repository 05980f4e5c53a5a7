'use client';
import { useQueries } from '@tanstack/react-query';
import { Command } from 'cmdk';
import { useDeferredValue, useEffect, useState, type KeyboardEvent } from 'react';
import styles from './command-palette.module.css';
import type { CommandPaletteProps } from './command-palette';
import type { SearchResult } from './search-source';

/** The palette itself (cmdk and its dialog), loaded the first time it opens: see CommandPalette. */
export default function CommandPaletteDialog({ sources, onNavigate, open, onOpenChange }: CommandPaletteProps) {
  const [query, setQuery] = useState('');
  const deferredQuery = useDeferredValue(query);
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
  // cmdk neither filters nor orders these results, so the palette keeps the selection: the item last pointed at or
  // moved to for this query, otherwise the first result.
  const listed = sources.flatMap((source, index) => (results[index]?.data ?? []).map((result) => ({ value: `${source.id}:${result.id}`, result })));
  const values = listed.map((item) => item.value);
  const [picked, setPicked] = useState({ query: '', value: '' });
  const selected = picked.query === deferredQuery && values.includes(picked.value) ? picked.value : (values[0] ?? '');
  // What is listed can trail what was typed (a deferred render, sources still answering): Enter then waits for the
  // typed query's results and opens the first, instead of whatever the previous query put on top.
  const listedForTypedQuery = deferredQuery === query && results.every((result) => !result.isPending);
  const [enterWaiting, setEnterWaiting] = useState(false);
  const firstResult = listed[0]?.result;
  useEffect(() => {
    if (!enterWaiting || (open && !listedForTypedQuery)) return;
    setEnterWaiting(false);
    if (open && firstResult) choose(firstResult);
  });
  return (
    <Command.Dialog
      open={open}
      onOpenChange={onOpenChange}
      label="Search Kassa"
      shouldFilter={false}
      // cmdk would take Ctrl+K as "move up"; here it closes the palette.
      vimBindings={false}
      value={selected}
      onValueChange={(value) => setPicked({ query: deferredQuery, value })}
      onKeyDown={(event: KeyboardEvent) => {
        if (event.key !== 'Enter' || listedForTypedQuery) return;
        event.preventDefault();
        setEnterWaiting(true);
      }}
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
