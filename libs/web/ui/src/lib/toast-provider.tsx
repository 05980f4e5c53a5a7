'use client';
import { createContext, useCallback, useContext, useMemo, useState, type ReactNode } from 'react';
import styles from './toast.module.css';

export interface ToastAction {
  label: string;
  run: () => void;
}

export interface Toast {
  id: string;
  message: string;
  tone?: 'info' | 'success' | 'error';
  action?: ToastAction;
  /** Stays until dismissed or its action runs (e.g. "an update is ready"). */
  sticky?: boolean;
}

interface ToastApi {
  show(toast: Omit<Toast, 'id'> & { id?: string }): string;
  dismiss(id: string): void;
}

const ToastContext = createContext<ToastApi | undefined>(undefined);
const AUTO_DISMISS_MS = 6_000;

/** One place for notifications: features (and, later, realtime events) call `useToasts().show(...)`. */
export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<Toast[]>([]);
  const dismiss = useCallback((id: string) => setToasts((current) => current.filter((toast) => toast.id !== id)), []);
  const show = useCallback(
    (input: Omit<Toast, 'id'> & { id?: string }) => {
      const toast: Toast = { ...input, id: input.id ?? crypto.randomUUID() };
      setToasts((current) => [...current.filter((existing) => existing.id !== toast.id), toast]);
      if (!toast.sticky) setTimeout(() => dismiss(toast.id), AUTO_DISMISS_MS);
      return toast.id;
    },
    [dismiss],
  );
  const api = useMemo(() => ({ show, dismiss }), [show, dismiss]);
  return (
    <ToastContext.Provider value={api}>
      {children}
      <section className={styles.region} aria-label="Notifications" aria-live="polite">
        <ol className={styles.list}>
          {toasts.map((toast) => (
            <li key={toast.id} className={styles.toast} data-tone={toast.tone ?? 'info'}>
              <span>{toast.message}</span>
              {toast.action && (
                <button
                  type="button"
                  className={styles.action}
                  onClick={() => {
                    dismiss(toast.id);
                    toast.action?.run();
                  }}
                >
                  {toast.action.label}
                </button>
              )}
              <button type="button" className={styles.close} aria-label="Dismiss" onClick={() => dismiss(toast.id)}>
                ×
              </button>
            </li>
          ))}
        </ol>
      </section>
    </ToastContext.Provider>
  );
}

export function useToasts(): ToastApi {
  const api = useContext(ToastContext);
  if (!api) throw new Error('useToasts needs a <ToastProvider> above it');
  return api;
}
