'use client';
import dynamic from 'next/dynamic';
import { useState } from 'react';
import { useShortcut } from '@kassa/web/shortcuts';
import type { SearchSource } from './search-source';

export interface CommandPaletteProps {
  sources: SearchSource[];
  onNavigate(href: string): void;
  open: boolean;
  onOpenChange(open: boolean): void;
}

// cmdk and its dialog load when the palette is first opened, not with every back-office page.
const CommandPaletteDialog = dynamic(() => import('./command-palette-dialog'), { ssr: false });

/** Ctrl/Cmd+K: one box over every registered source. Works from inside inputs too. */
export function CommandPalette(props: CommandPaletteProps) {
  const { open, onOpenChange } = props;
  const [used, setUsed] = useState(false);
  useShortcut({
    id: 'search.palette',
    combo: { key: 'k', mod: true },
    description: 'Search and run commands',
    group: 'General',
    allowInInputs: true,
    run: () => onOpenChange(!open),
  });
  if (open && !used) setUsed(true);
  return used ? <CommandPaletteDialog {...props} /> : null;
}
