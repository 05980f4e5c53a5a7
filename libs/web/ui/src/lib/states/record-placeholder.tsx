'use client';
import { PageHeader, type PageHeaderProps } from '../layout/page-header';
import { ProblemState, Skeleton, type ProblemKind } from './states';

/** What a record page knows of its one query (a `useApiQuery` result fits). */
export interface RecordQuery {
  isError: boolean;
  error: { kind: ProblemKind } | null;
  isFetching: boolean;
  refetch(): unknown;
}

export interface RecordPlaceholderProps {
  title: string;
  back: PageHeaderProps['back'];
  /** The record in words (`This sale`), for the not-found and error titles. */
  subject: string;
  /** False when the address names no record (not a uuid): not found without asking the API. */
  valid: boolean;
  query: RecordQuery;
}

/** A record page before it has its record: not found (or failed, with retry), else loading; under the page's header. */
export function RecordPlaceholder({ title, back, subject, valid, query }: RecordPlaceholderProps) {
  const failed = !valid || query.isError;
  return (
    <>
      <PageHeader title={title} back={back} />
      {failed ? (
        <ProblemState
          kind={query.error?.kind ?? 'not-found'}
          subject={subject}
          onRetry={query.isError ? () => void query.refetch() : undefined}
          retrying={query.isFetching}
        />
      ) : (
        <Skeleton lines={6} label={`Loading ${subject.replace(/^This /, 'the ')}`} />
      )}
    </>
  );
}
