'use client';
import { useState } from 'react';
import { fieldErrors } from './form-field';
import type { SessionResult } from './session-requests';
import { problemMessage } from './session-provider';

/** A sign-in or sign-up attempt: busy while it runs, then the API's message and field errors if it failed. */
export function useSessionAttempt() {
  const [error, setError] = useState<string>();
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [busy, setBusy] = useState(false);

  async function attempt(action: () => Promise<SessionResult>): Promise<void> {
    setBusy(true);
    const result = await action().catch((): SessionResult => ({ ok: false, problem: undefined }));
    setBusy(false);
    if (!result.ok) {
      setError(problemMessage(result.problem));
      setErrors(fieldErrors(result.problem?.errors));
    }
  }

  return { error, errors, busy, attempt };
}
