'use client';
import { useQueryClient, type QueryClient } from '@tanstack/react-query';
import { useEffect, useState, type ReactNode } from 'react';
import styles from './views.module.css';

/** The longest the board waits for its slowest card before showing what it has (each card then shows its own loading state). */
const MAX_WAIT_MS = 3_000;
// A query that starts once another has answered (a card waiting for the first answer) is created on the render after it.
const SETTLE_MS = 60;

const loading = (client: QueryClient) => client.isFetching({ predicate: (query) => query.state.status === 'pending' }) > 0;

/** True once no query is loading for the first time (refetches of shown data do not count), or after `MAX_WAIT_MS`; it stays true. */
function useFirstAnswersIn(): boolean {
  const client = useQueryClient();
  const [settled, setSettled] = useState(false);
  useEffect(() => {
    if (settled) return undefined;
    let timer: ReturnType<typeof setTimeout> | undefined;
    const check = () => {
      clearTimeout(timer);
      if (!loading(client)) timer = setTimeout(() => !loading(client) && reveal(), SETTLE_MS);
    };
    const reveal = () => setSettled(true);
    const unsubscribe = client.getQueryCache().subscribe(check);
    const deadline = setTimeout(reveal, MAX_WAIT_MS);
    check();
    return () => {
      unsubscribe();
      clearTimeout(timer);
      clearTimeout(deadline);
    };
  }, [client, settled]);
  return settled;
}

/**
 * Mounts `children` at once (their queries start) but shows them only when their first answers are all in, with
 * `placeholder` in their place until then: the cards arrive together, so none of them pushes the others down as it
 * loads (each card's loading, empty and filled states differ in height).
 */
export function RevealTogether({ placeholder, children }: { placeholder: ReactNode; children: ReactNode }) {
  const settled = useFirstAnswersIn();
  return (
    <>
      {!settled && placeholder}
      {/* Not the `hidden` attribute: React renders a subtree under `hidden` later, at its lowest priority. */}
      <div className={settled ? undefined : styles.concealed}>{children}</div>
    </>
  );
}
