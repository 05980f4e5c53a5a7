import type { ReactNode } from 'react';
import { Button } from '../button/button';
import styles from './toolbar.module.css';

export interface ToolbarProps {
  /** Names the filters for screen readers (`Filter products`). */
  label: string;
  /** The filter controls; each carries its own (possibly hidden) label. */
  children: ReactNode;
  actions?: ReactNode;
  /** Shows "Clear filters" while any filter is set. */
  onClear?: () => void;
  filtered?: boolean;
}

/** Filters above a list, with the list's own actions (columns, export) at the end. */
export function Toolbar({ label, children, actions, onClear, filtered }: ToolbarProps) {
  return (
    <div className={styles.toolbar}>
      <div role="search" aria-label={label} className={styles.filters}>
        {children}
        {onClear && filtered && (
          <Button variant="ghost" onClick={onClear}>
            Clear filters
          </Button>
        )}
      </div>
      {actions && <div className={styles.actions}>{actions}</div>}
    </div>
  );
}
