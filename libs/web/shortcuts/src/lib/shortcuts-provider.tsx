'use client';
import { createContext, useContext, useEffect, useRef, useState, useSyncExternalStore, type ReactNode } from 'react';
import { ShortcutRegistry, type Shortcut } from './shortcut-registry';

const RegistryContext = createContext<ShortcutRegistry | undefined>(undefined);

function isEditable(target: EventTarget | null): boolean {
  if (!(target instanceof HTMLElement)) return false;
  return target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName);
}

/** Owns the one keydown listener; features add shortcuts with `useShortcut`. */
export function ShortcutsProvider({ children }: { children: ReactNode }) {
  const [registry] = useState(() => new ShortcutRegistry());
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.defaultPrevented || event.isComposing) return;
      const handled = registry.handle({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        shiftKey: event.shiftKey,
        altKey: event.altKey,
        inEditable: isEditable(event.target),
      });
      if (handled) event.preventDefault();
    };
    window.addEventListener('keydown', onKeyDown);
    return () => window.removeEventListener('keydown', onKeyDown);
  }, [registry]);
  return <RegistryContext.Provider value={registry}>{children}</RegistryContext.Provider>;
}

function useRegistry(): ShortcutRegistry {
  const registry = useContext(RegistryContext);
  if (!registry) throw new Error('shortcuts need a <ShortcutsProvider> above them');
  return registry;
}

/** Registers a shortcut while the component is mounted; `run` may change between renders. */
export function useShortcut(shortcut: Shortcut): void {
  const registry = useRegistry();
  const run = useRef(shortcut.run);
  run.current = shortcut.run;
  const { id, description, group, allowInInputs } = shortcut;
  const { key, mod, ctrl, shift, alt } = shortcut.combo;
  useEffect(
    () => registry.register({ id, description, group, allowInInputs, combo: { key, mod, ctrl, shift, alt }, run: () => run.current() }),
    [registry, id, description, group, allowInInputs, key, mod, ctrl, shift, alt],
  );
}

export function useShortcutList(): readonly Shortcut[] {
  const registry = useRegistry();
  return useSyncExternalStore(
    (listener) => registry.subscribe(listener),
    () => registry.list(),
    () => registry.list(),
  );
}
