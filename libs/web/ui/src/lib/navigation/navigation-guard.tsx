'use client';
import { useRouter } from 'next/navigation';
import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { ConfirmDialog } from '../overlay/confirm-dialog';

interface NavigationGuard {
  /** Marks unsaved work while `isDirty` answers true; returns the unregister function. */
  block(isDirty: () => boolean): () => void;
  /** Asks before leaving when some work is unsaved; true when it is fine to go. */
  confirmLeave(): Promise<boolean>;
  /** Navigates within the app, asking first when some work is unsaved. */
  navigate(href: string): void;
}

const GuardContext = createContext<NavigationGuard | undefined>(undefined);

function internalLink(event: MouseEvent): HTMLAnchorElement | undefined {
  if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return undefined;
  const anchor = (event.target as Element | null)?.closest?.('a[href]');
  if (!(anchor instanceof HTMLAnchorElement) || anchor.target === '_blank' || anchor.hasAttribute('download')) return undefined;
  const url = new URL(anchor.href);
  if (url.origin !== location.origin) return undefined;
  return url.pathname + url.search === location.pathname + location.search ? undefined : anchor;
}

/**
 * Keeps unsaved work from being lost: links in the app, shortcuts and the palette ask first, and
 * closing or reloading the tab gets the browser's own prompt.
 */
export function NavigationGuardProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const blockers = useRef(new Set<() => boolean>());
  const [pending, setPending] = useState<(leave: boolean) => void>();
  const dirty = () => [...blockers.current].some((isDirty) => isDirty());

  const confirmLeave = useCallback(() => (dirty() ? new Promise<boolean>((resolve) => setPending(() => resolve)) : Promise.resolve(true)), []);
  const navigate = useCallback(
    (href: string) => {
      void confirmLeave().then((leave) => leave && router.push(href));
    },
    [confirmLeave, router],
  );

  useEffect(() => {
    const onClick = (event: MouseEvent) => {
      if (!dirty()) return;
      const anchor = internalLink(event);
      if (!anchor) return;
      // Capture phase, before Next's Link sees the click: a prevented click does not navigate.
      event.preventDefault();
      const url = new URL(anchor.href);
      navigate(url.pathname + url.search + url.hash);
    };
    const onBeforeUnload = (event: BeforeUnloadEvent) => {
      if (dirty()) event.preventDefault();
    };
    document.addEventListener('click', onClick, true);
    window.addEventListener('beforeunload', onBeforeUnload);
    return () => {
      document.removeEventListener('click', onClick, true);
      window.removeEventListener('beforeunload', onBeforeUnload);
    };
  }, [navigate]);

  const guard = useMemo<NavigationGuard>(
    () => ({
      block(isDirty) {
        blockers.current.add(isDirty);
        return () => blockers.current.delete(isDirty);
      },
      confirmLeave,
      navigate,
    }),
    [confirmLeave, navigate],
  );
  const answer = (leave: boolean) => {
    pending?.(leave);
    setPending(undefined);
  };
  return (
    <GuardContext.Provider value={guard}>
      {children}
      <ConfirmDialog
        open={pending !== undefined}
        onOpenChange={(open) => !open && answer(false)}
        title="Leave without saving?"
        description="Your changes on this page have not been saved. They are lost if you leave."
        confirmLabel="Leave without saving"
        cancelLabel="Stay on this page"
        tone="danger"
        onConfirm={() => answer(true)}
      />
    </GuardContext.Provider>
  );
}

export function useNavigationGuard(): NavigationGuard {
  const guard = useContext(GuardContext);
  if (!guard) throw new Error('useNavigationGuard needs a <NavigationGuardProvider> above it');
  return guard;
}

/** While `dirty`, leaving the page asks first. */
export function useUnsavedChangesGuard(dirty: boolean): void {
  const { block } = useNavigationGuard();
  const current = useRef(dirty);
  current.current = dirty;
  useEffect(() => block(() => current.current), [block]);
}
