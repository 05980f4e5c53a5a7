'use client';
import type { CSSProperties, ReactNode } from 'react';
import { Button } from '../button/button';
import { AlertIcon, InfoIcon } from '../icons';
import { VisuallyHidden } from '../visually-hidden';
import styles from './states.module.css';

interface StateProps {
  title: ReactNode;
  description?: ReactNode;
  /** Buttons or links: what the person can do from here. */
  actions?: ReactNode;
  icon?: ReactNode;
  /** Heading level inside the page (the page's own h1 is above). */
  headingLevel?: 2 | 3;
}

/** Nothing here yet, or nothing matches: say so and offer the next step. */
export function EmptyState({ title, description, actions, icon = <InfoIcon />, headingLevel = 2 }: StateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={styles.state} data-tone="neutral">
      <span className={styles.icon}>{icon}</span>
      <Heading className={styles.title}>{title}</Heading>
      {description && <p className={styles.description}>{description}</p>}
      {actions && <div className={styles.actions}>{actions}</div>}
    </section>
  );
}

export interface ErrorStateProps extends StateProps {
  /** Offers "Try again". */
  onRetry?: () => void;
  retrying?: boolean;
}

/** Something failed: what happened, and a way to try again. Announced as an alert. */
export function ErrorState({ title, description, actions, icon = <AlertIcon />, headingLevel = 2, onRetry, retrying }: ErrorStateProps) {
  const Heading = `h${headingLevel}` as const;
  return (
    <section className={styles.state} data-tone="error" role="alert">
      <span className={styles.icon}>{icon}</span>
      <Heading className={styles.title}>{title}</Heading>
      {description && <p className={styles.description}>{description}</p>}
      {(onRetry || actions) && (
        <div className={styles.actions}>
          {onRetry && (
            <Button variant="primary" onClick={onRetry} loading={retrying}>
              Try again
            </Button>
          )}
          {actions}
        </div>
      )}
    </section>
  );
}

/** Why something could not be shown, as the data hooks classify it (libs/web/data-access `ApiFailureKind`). */
export type ProblemKind = 'unauthorized' | 'forbidden' | 'not-found' | 'offline' | 'invalid' | 'conflict' | 'changed' | 'server';

const PROBLEM_COPY: Record<ProblemKind, { title: string; description: string; retry: boolean }> = {
  unauthorized: { title: 'Signed out', description: 'Your session ended. Sign in again to continue.', retry: false },
  forbidden: { title: 'Not allowed', description: 'Your role does not include this. Ask an owner or manager if you need it.', retry: false },
  'not-found': { title: 'Not found', description: 'It may have been deleted, or the link is wrong.', retry: false },
  offline: { title: 'You are offline', description: 'Kassa cannot reach the server. Check the connection, then try again.', retry: true },
  invalid: { title: 'This request was refused', description: 'Something in it is not valid.', retry: false },
  conflict: { title: 'This conflicts with something else', description: 'Reload and try again.', retry: true },
  changed: { title: 'Changed by someone else', description: 'Reload to see the latest version.', retry: true },
  server: { title: 'Something went wrong', description: 'Kassa had a problem on its side. Try again in a moment.', retry: true },
};

export interface ProblemStateProps {
  kind: ProblemKind;
  /** What could not be shown (`This product`), to make the title specific. */
  subject?: string;
  onRetry?: () => void;
  retrying?: boolean;
  actions?: ReactNode;
  headingLevel?: 2 | 3;
}

/** The one way every screen shows a failed load: not allowed, not found, offline, or an error with retry. */
export function ProblemState({ kind, subject, onRetry, retrying, actions, headingLevel }: ProblemStateProps) {
  const copy = PROBLEM_COPY[kind];
  const title = subject && kind === 'not-found' ? `${subject} was not found` : copy.title;
  if (kind === 'not-found' || kind === 'forbidden') {
    return <EmptyState title={title} description={copy.description} actions={actions} headingLevel={headingLevel} icon={<AlertIcon />} />;
  }
  return (
    <ErrorState
      title={title}
      description={copy.description}
      onRetry={copy.retry ? onRetry : undefined}
      retrying={retrying}
      actions={actions}
      headingLevel={headingLevel}
    />
  );
}

export interface SkeletonProps {
  /** Lines of placeholder text. */
  lines?: number;
  width?: CSSProperties['width'];
  height?: CSSProperties['height'];
  /** What is loading, for screen readers. */
  label?: string;
}

/** Placeholder shapes while content loads; one polite "Loading" for screen readers. */
export function Skeleton({ lines = 1, width, height, label = 'Loading' }: SkeletonProps) {
  return (
    <div className={styles.skeletonGroup} role="status">
      <VisuallyHidden>{label}…</VisuallyHidden>
      {Array.from({ length: lines }, (_, line) => (
        <span key={line} aria-hidden="true" className={styles.skeleton} style={{ width: lines > 1 && line === lines - 1 ? '60%' : width, height }} />
      ))}
    </div>
  );
}
