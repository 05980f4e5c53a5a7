'use client';
import { cloneElement, useEffect, useId, useRef, useState, type ReactElement, type ReactNode } from 'react';
import styles from './tooltip.module.css';

const HOVER_DELAY_MS = 400;

export interface TooltipProps {
  content: ReactNode;
  /** One focusable element; the tooltip shows while it is hovered or focused. */
  children: ReactElement<{ 'aria-describedby'?: string }>;
  /**
   * The tip adds to the element's name (`aria-describedby`). Off when the tip only repeats the
   * element's own label, as on an icon button, so screen readers do not say it twice.
   */
  describes?: boolean;
}

export function Tooltip({ content, children, describes = false }: TooltipProps) {
  const id = useId();
  const [open, setOpen] = useState(false);
  const timer = useRef<ReturnType<typeof setTimeout>>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);
  useEffect(() => {
    if (!open) return;
    const onKeyDown = (event: KeyboardEvent) => event.key === 'Escape' && setOpen(false);
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, [open]);

  const show = (delay: number) => {
    clearTimeout(timer.current);
    timer.current = setTimeout(() => setOpen(true), delay);
  };
  const hide = () => {
    clearTimeout(timer.current);
    setOpen(false);
  };
  return (
    <span
      className={styles.anchor}
      onPointerEnter={() => show(HOVER_DELAY_MS)}
      onPointerLeave={hide}
      onFocus={(event) => event.target.matches(':focus-visible') && show(0)}
      onBlur={hide}
    >
      {describes ? cloneElement(children, { 'aria-describedby': id }) : children}
      {(open || describes) && (
        <span role="tooltip" id={id} className={styles.bubble} hidden={!open} aria-hidden={describes ? undefined : true}>
          {content}
        </span>
      )}
    </span>
  );
}
