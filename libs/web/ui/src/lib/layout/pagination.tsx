'use client';
import type { ReactNode } from 'react';
import { Button } from '../button/button';
import { ChevronLeftIcon, ChevronRightIcon } from '../icons';
import styles from './pagination.module.css';

export interface PaginationProps {
  /** 0-based. */
  pageIndex: number;
  hasPrevious: boolean;
  hasNext: boolean;
  onPrevious(): void;
  onNext(): void;
  busy?: boolean;
  /** Left of the buttons (`50 per page`, a page-size picker). */
  summary?: ReactNode;
  label?: string;
}

/**
 * Previous and next through cursor pages (`{ items, nextCursor }`): a cursor list has no page count,
 * so it shows which page this is rather than "1 of N".
 */
export function Pagination({ pageIndex, hasPrevious, hasNext, onPrevious, onNext, busy, summary, label = 'Pages' }: PaginationProps) {
  return (
    <nav className={styles.pagination} aria-label={label}>
      <div className={styles.summary}>{summary}</div>
      <div className={styles.buttons}>
        <Button onClick={onPrevious} disabled={!hasPrevious || busy}>
          <ChevronLeftIcon />
          Previous
        </Button>
        <span className={styles.page} aria-live="polite">
          Page {pageIndex + 1}
        </span>
        <Button onClick={onNext} disabled={!hasNext || busy}>
          Next
          <ChevronRightIcon />
        </Button>
      </div>
    </nav>
  );
}
